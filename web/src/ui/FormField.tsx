import { MenuItem, TextField, type TextFieldProps } from '@mui/material';
import { Controller, type Control, type FieldValues, type Path } from 'react-hook-form';
import { DateInput, DateTimeInput, TimeInput } from './DateInputs';

/** What a form field holds: text (any input type of a text field), or a day, a time or a moment the app reads itself. */
export type FieldKind = 'date' | 'time' | 'dateTime';

type Props<T extends FieldValues> = {
  control: Control<T>;
  name: Path<T> | string;
  label: string;
  /** a choice among these instead of free text */
  options?: { value: string; label: string }[];
  kind?: FieldKind;
} & Omit<TextFieldProps, 'name' | 'label'>;

const INPUTS = { date: DateInput, time: TimeInput, dateTime: DateTimeInput };

/**
 * A text field bound to a react-hook-form field. The value is controlled, so the label moves out of the way
 * whenever there is a value, also one set after the form opened (`reset` with a loaded record): a field only
 * `register`ed keeps its value in the DOM, where MUI does not see it and writes the label over it.
 */
export function FormField<T extends FieldValues>({ control, name, label, options, kind, ...rest }: Props<T>) {
  return (
    <Controller control={control} name={name as Path<T>} render={({ field, fieldState }) => {
      const bound = {
        ...rest, label, name: field.name, onBlur: field.onBlur, inputRef: field.ref,
        error: !!fieldState.error || rest.error, helperText: fieldState.error?.message ?? rest.helperText,
      };
      if (kind) {
        const Input = INPUTS[kind];
        return <Input {...bound} value={field.value ?? ''} onChange={field.onChange} keepInvalid />;
      }
      return (
        <TextField {...bound} value={field.value ?? ''} onChange={field.onChange} select={!!options}>
          {options?.map((o) => <MenuItem key={o.value} value={o.value}>{o.label}</MenuItem>)}
        </TextField>
      );
    }} />
  );
}
