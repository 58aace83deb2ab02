import { es as simulator } from '../simulator/messages';
import { es as requests } from '../requests/messages';
import { es as admin } from '../admin/messages';
import { es as customers } from '../customers/messages';
import { es as catalog } from '../catalog/messages';
import { es as inbox } from '../inbox/messages';
import { es as customerActivity } from '../customers/activityMessages';
import { es as profile } from '../profile/messages';
export const es = {
  app: { name: 'AmbioSys', tagline: 'Operaciones de servicio en campo' },
  common: {
    save: 'Guardar', cancel: 'Cancelar', create: 'Crear', edit: 'Editar', delete: 'Eliminar', close: 'Cerrar',
    search: 'Buscar', loading: 'Cargando…', error: 'Ocurrió un error', all: 'Todos', yes: 'Sí', no: 'No',
    saved: 'Cambios guardados', retry: 'Reintentar', deleted: 'Eliminado', undo: 'Deshacer', undone: 'Cambio deshecho',
    datePattern: 'dd/mm/aaaa', timePattern: 'hh:mm', dateTimePattern: 'dd/mm/aaaa hh:mm',
  },
  login: {
    title: 'Iniciar sesión', email: 'Correo electrónico', password: 'Contraseña', submit: 'Entrar',
    forgot: '¿Olvidó su contraseña?', wrong: 'El correo o la contraseña no son correctos.',
    rateLimited: 'Demasiados intentos. Espere {{seconds}} segundos.', inactive: 'La cuenta no está activa.',
    sessionExpired: 'Su sesión expiró. Inicie sesión de nuevo.',
  },
  reset: {
    requestTitle: 'Restablecer contraseña', requestHelp: 'Le enviaremos un enlace a su correo.',
    send: 'Enviar enlace', sent: 'Si el correo existe, recibirá un enlace en unos minutos.',
    confirmTitle: 'Elegir nueva contraseña', newPassword: 'Nueva contraseña', repeat: 'Repita la contraseña',
    mismatch: 'Las contraseñas no coinciden', done: 'Contraseña actualizada. Ya puede iniciar sesión.',
    invalid: 'El enlace no es válido o expiró.', back: 'Volver a iniciar sesión',
  },
  validation: {
    required: 'Obligatorio', email: 'Correo no válido', min: 'Mínimo {{count}} caracteres',
    phone: 'Teléfono en formato internacional, p. ej. +50255551234', code: 'Mayúsculas, números y _',
    phoneLocal: 'Teléfono no válido: como se marca en el país (5012 3456) o con su código (+502 5012 3456)', date: 'Fecha no válida',
    latitude: 'Latitud entre -90 y 90', longitude: 'Longitud entre -180 y 180',
    bothCoordinates: 'Indique latitud y longitud, o ninguna', nrc: 'Solo números, espacios y guiones',
    notFuture: 'No puede ser en el futuro', time: 'Hora no válida (hh:mm, de 00:00 a 23:59)',
    dateTime: 'Fecha y hora no válidas (dd/mm/aaaa hh:mm)',
  },
  nav: {
    catalog: 'Catálogo',
    home: 'Inicio', customers: 'Clientes', servicerequests: 'Solicitudes', quotations: 'Cotizaciones',
    scheduling: 'Agenda', inbox: 'Conversaciones', finance: 'Finanzas', reporting: 'Reportes',
    admin: 'Administración', users: 'Usuarios', roles: 'Roles', accessLog: 'Accesos', auditLog: 'Auditoría',
    requestsBoard: 'Tablero de solicitudes', requestsSettings: 'Configurar solicitudes', simulator: 'Simulador de WhatsApp',
    inboxChannels: 'Canales de mensajería', inboxSettings: 'Configurar conversaciones',
  },
  shell: {
    menu: 'Menú', userMenu: 'Cuenta', language: 'Idioma', theme: 'Tema', light: 'Claro', dark: 'Oscuro',
    system: 'Sistema', logout: 'Cerrar sesión', notifications: 'Notificaciones', noNotifications: 'Sin notificaciones',
    spanish: 'Español', english: 'English',
  },
  home: { welcome: 'Bienvenido, {{name}}', intro: 'Elija un módulo en el menú para comenzar.', tenant: 'Empresa' },
  noAccess: { title: 'Sin acceso', text: 'No tiene permiso para ver esta sección.', back: 'Ir al inicio' },
  notFound: { title: 'Página no encontrada' },
  comingSoon: 'Este módulo llegará pronto.',
  ...simulator,
  ...requests,
  ...admin,
  ...customers,
  ...catalog,
  ...inbox,
  ...customerActivity,
  ...profile,
};
export type Messages = typeof es;
