import { createTheme, CssBaseline, ThemeProvider, useMediaQuery } from '@mui/material';
import { enUS as coreEn, esES as coreEs } from '@mui/material/locale';
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type ThemeChoice = 'system' | 'light' | 'dark';
const KEY = 'ambiosys.theme';

const ThemeChoiceContext = createContext<{ choice: ThemeChoice; setChoice(c: ThemeChoice): void }>({
  choice: 'system',
  setChoice: () => {},
});

/** Light or dark following the system, unless the user picked one (kept in this browser). */
export function AppThemeProvider({ children }: { children: ReactNode }) {
  const prefersDark = useMediaQuery('(prefers-color-scheme: dark)');
  const [choice, setChoiceState] = useState<ThemeChoice>(() => (localStorage.getItem(KEY) as ThemeChoice) ?? 'system');
  const mode = choice === 'system' ? (prefersDark ? 'dark' : 'light') : choice;
  const { i18n } = useTranslation();
  const english = i18n.language === 'en';
  const theme = useMemo(
    () =>
      createTheme(
        {
        palette: {
          mode,
          primary: { main: mode === 'dark' ? '#5ec8a8' : '#0b6e4f' },
          secondary: { main: mode === 'dark' ? '#8fb8ff' : '#1f4e9c' },
          // MUI's light orange fails WCAG AA as text and under white text (blocked, expiring badges)
          ...(mode === 'light' ? { warning: { main: '#b45309' } } : {}),
        },
        shape: { borderRadius: 10 },
        typography: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif' },
        },
        english ? coreEn : coreEs,
      ),
    [mode, english],
  );
  const setChoice = (c: ThemeChoice) => {
    localStorage.setItem(KEY, c);
    setChoiceState(c);
  };
  return (
    <ThemeChoiceContext.Provider value={{ choice, setChoice }}>
      <ThemeProvider theme={theme}>
        <CssBaseline />
        {children}
      </ThemeProvider>
    </ThemeChoiceContext.Provider>
  );
}

export const useThemeChoice = () => useContext(ThemeChoiceContext);
