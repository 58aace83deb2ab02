import AccountCircle from '@mui/icons-material/AccountCircle';
import MenuIcon from '@mui/icons-material/Menu';
import NotificationsIcon from '@mui/icons-material/Notifications';
import {
  AppBar, Box, Dialog, DialogContent, DialogTitle, Divider, Drawer, IconButton, List, ListItem, ListItemButton,
  ListItemText, ListSubheader, Menu, MenuItem, Toolbar, Tooltip, Typography, useMediaQuery, useTheme,
} from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation } from 'react-router';
import { useAuth } from '../auth/AuthContext';
import { LoginForm } from '../auth/LoginForm';
import { chooseLanguage } from '../profile/language';
import { useThemeChoice, type ThemeChoice } from '../theme';
import { isActive, visibleNav } from './nav';
import { codeKey } from '../translate';

const DRAWER = 248;

export default function AppShell() {
  const { t, i18n } = useTranslation();
  const { me, logout, sessionExpired } = useAuth();
  const theme = useTheme();
  const wide = useMediaQuery(theme.breakpoints.up('md'));
  const [open, setOpen] = useState(false);
  const [userMenu, setUserMenu] = useState<HTMLElement | null>(null);
  const [bell, setBell] = useState<HTMLElement | null>(null);
  const { choice, setChoice } = useThemeChoice();
  const location = useLocation();
  const items = visibleNav(me?.permissions ?? []);

  const changeLanguage = (lng: 'es' | 'en') => void chooseLanguage(lng, !!me);

  const navList = (
    <Box component="nav" aria-label={t('shell.menu')}>
      <Toolbar />
      {(['main', 'admin'] as const).map((group) => {
        const groupItems = items.filter((i) => i.group === group);
        if (groupItems.length === 0) return null;
        return (
          <List key={group} subheader={group === 'admin' ? <ListSubheader>{t('nav.admin')}</ListSubheader> : undefined}>
            {groupItems.map((item) => (
              <ListItem key={item.key} disablePadding>
              <ListItemButton
                component={NavLink}
                to={item.path}
                end={item.path === '/'}
                selected={isActive(item, location.pathname, items)}
                onClick={() => setOpen(false)}
                data-testid={`nav-${item.key}`}
              >
                <ListItemText primary={t(codeKey('nav', item.key))} />
              </ListItemButton>
              </ListItem>
            ))}
          </List>
        );
      })}
    </Box>
  );

  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <AppBar position="fixed" sx={{ zIndex: (th) => th.zIndex.drawer + 1 }}>
        <Toolbar>
          {!wide && (
            <IconButton color="inherit" edge="start" aria-label={t('shell.menu')} onClick={() => setOpen(true)} sx={{ mr: 1 }}>
              <MenuIcon />
            </IconButton>
          )}
          <Typography variant="h6" component="p" sx={{ flexGrow: 1 }} noWrap>
            {t('app.name')} · {me?.tenant.name}
          </Typography>
          <Tooltip title={t('shell.notifications')}>
            <IconButton color="inherit" aria-label={t('shell.notifications')} onClick={(e) => setBell(e.currentTarget)}>
              <NotificationsIcon />
            </IconButton>
          </Tooltip>
          <Menu anchorEl={bell} open={!!bell} onClose={() => setBell(null)}>
            <MenuItem disabled>{t('shell.noNotifications')}</MenuItem>
          </Menu>
          <Tooltip title={t('shell.userMenu')}>
            <IconButton color="inherit" aria-label={t('shell.userMenu')} onClick={(e) => setUserMenu(e.currentTarget)}
              data-testid="user-menu">
              <AccountCircle />
            </IconButton>
          </Tooltip>
          <Menu anchorEl={userMenu} open={!!userMenu} onClose={() => setUserMenu(null)}>
            <MenuItem component={NavLink} to="/profile" onClick={() => setUserMenu(null)} data-testid="profile">
              <ListItemText primary={me?.user.fullName} secondary={`${me?.user.email ?? ''} · ${t('profile.menu')}`} />
            </MenuItem>
            <Divider />
            <ListSubheader>{t('shell.language')}</ListSubheader>
            {(['es', 'en'] as const).map((lng) => (
              <MenuItem key={lng} selected={i18n.language === lng} onClick={() => changeLanguage(lng)} data-testid={`lang-${lng}`}>
                {t(lng === 'es' ? 'shell.spanish' : 'shell.english')}
              </MenuItem>
            ))}
            <ListSubheader>{t('shell.theme')}</ListSubheader>
            {(['system', 'light', 'dark'] as ThemeChoice[]).map((c) => (
              <MenuItem key={c} selected={choice === c} onClick={() => setChoice(c)} data-testid={`theme-${c}`}>
                {t(codeKey('shell', c))}
              </MenuItem>
            ))}
            <Divider />
            <MenuItem onClick={() => { setUserMenu(null); void logout(); }} data-testid="logout">
              {t('shell.logout')}
            </MenuItem>
          </Menu>
        </Toolbar>
      </AppBar>
      <Drawer
        variant={wide ? 'permanent' : 'temporary'}
        open={wide || open}
        onClose={() => setOpen(false)}
        sx={{ width: DRAWER, flexShrink: 0, '& .MuiDrawer-paper': { width: DRAWER, boxSizing: 'border-box' } }}
      >
        {navList}
      </Drawer>
      <Box component="main" sx={{ flexGrow: 1, p: { xs: 2, md: 3 }, minWidth: 0 }}>
        <Toolbar />
        <Outlet />
      </Box>
      <Dialog open={sessionExpired} aria-labelledby="session-expired">
        <DialogTitle id="session-expired">{t('login.sessionExpired')}</DialogTitle>
        <DialogContent>
          <LoginForm email={me?.user.email} />
        </DialogContent>
      </Dialog>
    </Box>
  );
}
