/** The texts of this feature, in Spanish and in English (which must have the same keys). */
export const es = {
  profile: {
    title: 'Mi perfil', menu: 'Mi perfil', details: 'Mis datos', fullName: 'Nombre completo', phone: 'Teléfono',
    email: 'Correo', language: 'Idioma', saved: 'Perfil guardado',
    password: 'Contraseña', currentPassword: 'Contraseña actual', newPassword: 'Nueva contraseña',
    repeatPassword: 'Repita la nueva contraseña', mismatch: 'Las contraseñas no coinciden', changePassword: 'Cambiar contraseña',
    passwordChanged: 'Contraseña cambiada. Se cerraron sus otras sesiones.',
    sessions: 'Sesiones abiertas', sessionsHelp: 'Los dispositivos donde inició sesión. Cierre los que no reconozca.',
    device: 'Dispositivo', ip: 'IP', started: 'Inicio', lastUsed: 'Último uso', thisSession: 'Esta sesión',
    endSession: 'Cerrar sesión', sessionEnded: 'Sesión cerrada', unknownDevice: 'Dispositivo desconocido',
  },
  invitations: {
    pending: 'Invitación pendiente', notSent: 'Correo no enviado',
    notSentText: 'No se pudo enviar el correo de invitación (no hay servidor de correo configurado). Entregue este enlace a la persona para que elija su contraseña:',
    pendingText: 'Esta persona aún no ha elegido su contraseña.',
    link: 'Enlace para elegir contraseña', copy: 'Copiar enlace', copied: 'Enlace copiado', resend: 'Reenviar invitación',
    sent: 'Invitación enviada por correo.',
  },
};

export const en: typeof es = {
  profile: {
    title: 'My profile', menu: 'My profile', details: 'My details', fullName: 'Full name', phone: 'Phone',
    email: 'Email', language: 'Language', saved: 'Profile saved',
    password: 'Password', currentPassword: 'Current password', newPassword: 'New password',
    repeatPassword: 'Repeat the new password', mismatch: 'The passwords do not match', changePassword: 'Change password',
    passwordChanged: 'Password changed. Your other sessions were ended.',
    sessions: 'Open sessions', sessionsHelp: 'The devices you signed in from. End the ones you do not recognise.',
    device: 'Device', ip: 'IP', started: 'Started', lastUsed: 'Last used', thisSession: 'This session',
    endSession: 'End session', sessionEnded: 'Session ended', unknownDevice: 'Unknown device',
  },
  invitations: {
    pending: 'Invitation pending', notSent: 'Email not sent',
    notSentText: 'The invitation email could not be sent (no mail server is configured). Give this link to the person so they choose their password:',
    pendingText: 'This person has not chosen their password yet.',
    link: 'Link to choose a password', copy: 'Copy link', copied: 'Link copied', resend: 'Resend invitation',
    sent: 'Invitation sent by email.',
  },
};
