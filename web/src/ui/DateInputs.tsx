import { TextField, type TextFieldProps } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat, type Formatter } from '../format';
import type { MessageKey } from '../translate';

type Props<V> = Omit<TextFieldProps, 'value' | 'onChange' | 'type' | 'defaultValue'> & {
  value: V;
  /** the value read from what was typed: '' when empty or not valid (the field then says what it expects) */
  onChange(value: string): void;
  /**
   * what is not valid is passed on as typed instead of as '' (a form's own check then refuses it, where ''
   * would silently save no date); a filter leaves it out and waits for a whole date
   */
  keepInvalid?: boolean;
};

interface Kind {
  show(format: Formatter, value: string): string;
  read(format: Formatter, text: string): string | null;
  placeholder: MessageKey;
  invalid: MessageKey;
}

/**
 * A text field that shows and reads a value the way the app writes it, in the app's language and the tenant's
 * zone: a native date or time input would follow the browser's language and zone instead.
 */
function TypedInput({ kind, value, onChange, keepInvalid, slotProps, error, helperText, ...rest }: Props<string> & { kind: Kind }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [text, setText] = useState(() => kind.show(format, value));
  const [emitted, setEmitted] = useState(value);
  const [invalid, setInvalid] = useState(false);
  if (value !== emitted) {
    // changed from outside (a reset, a loaded record): show it
    setEmitted(value);
    setText(kind.show(format, value));
    setInvalid(false);
  }
  return (
    <TextField {...rest} value={text} error={invalid || error} helperText={invalid ? t(kind.invalid) : helperText}
      onChange={(e) => {
        const read = kind.read(format, e.target.value);
        const next = read ?? (keepInvalid ? e.target.value : '');
        setText(e.target.value);
        setInvalid(read === null);
        setEmitted(next);
        if (next !== value) onChange(next);
      }}
      slotProps={{
        ...slotProps,
        inputLabel: { shrink: true, ...(slotProps?.inputLabel as object) },
        htmlInput: { placeholder: t(kind.placeholder), ...(slotProps?.htmlInput as object) },
      }} />
  );
}

const DAY: Kind = {
  show: (format, value) => format.date(value),
  read: (format, text) => format.parseDate(text),
  placeholder: 'common.datePattern', invalid: 'validation.date',
};

const TIME: Kind = {
  show: (_, value) => value,
  read: (format, text) => format.parseTime(text),
  placeholder: 'common.timePattern', invalid: 'validation.time',
};

const MOMENT: Kind = {
  show: (format, value) => format.dateTime(value),
  read: (format, text) => format.parseDateTime(text),
  placeholder: 'common.dateTimePattern', invalid: 'validation.dateTime',
};

/** A calendar day, typed `06/12/2026`; its value is `2026-12-06` ('' for none). */
export function DateInput(props: Props<string>) {
  return <TypedInput kind={DAY} {...props} />;
}

/** A time of day on the 24-hour clock, typed `9:05`; its value is `09:05` ('' for none). */
export function TimeInput(props: Props<string>) {
  return <TypedInput kind={TIME} {...props} />;
}

/** A moment typed as the tenant's clocks show it, `06/12/2026 21:30`; its value is an ISO instant ('' for none). */
export function DateTimeInput(props: Props<string>) {
  return <TypedInput kind={MOMENT} {...props} />;
}
