export const es = {
  app: { name: 'AmbioSys', tagline: 'Operaciones de servicio en campo' },
  common: {
    save: 'Guardar', cancel: 'Cancelar', create: 'Crear', edit: 'Editar', delete: 'Eliminar', close: 'Cerrar',
    search: 'Buscar', loading: 'Cargando…', error: 'Ocurrió un error', all: 'Todos', yes: 'Sí', no: 'No',
    saved: 'Cambios guardados', retry: 'Reintentar',
  },
  login: {
    title: 'Iniciar sesión', email: 'Correo electrónico', password: 'Contraseña', submit: 'Entrar',
    forgot: '¿Olvidó su contraseña?', wrong: 'El correo o la contraseña no son correctos.',
    locked: 'Cuenta bloqueada temporalmente por intentos fallidos. Intente de nuevo en unos minutos.',
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
  },
  nav: {
    home: 'Inicio', customers: 'Clientes', servicerequests: 'Solicitudes', quotations: 'Cotizaciones',
    scheduling: 'Agenda', inbox: 'Conversaciones', finance: 'Finanzas', reporting: 'Reportes',
    admin: 'Administración', users: 'Usuarios', roles: 'Roles', accessLog: 'Accesos', auditLog: 'Auditoría',
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
  users: {
    title: 'Usuarios', new: 'Nuevo usuario', invite: 'Invitar', fullName: 'Nombre completo', email: 'Correo',
    phone: 'Teléfono', status: 'Estado', language: 'Idioma', timeZone: 'Zona horaria', roles: 'Roles',
    lastLogin: 'Último acceso', created: 'Creado', password: 'Contraseña (opcional: sin ella se envía una invitación)',
    deactivate: 'Desactivar', permissions: 'Permisos individuales', grants: 'Otorgados', revocations: 'Revocados',
    created_ok: 'Usuario creado', search: 'Buscar por nombre o correo',
    statuses: { ACTIVE: 'Activo', INACTIVE: 'Inactivo', SUSPENDED: 'Suspendido', BLOCKED: 'Bloqueado' },
  },
  roles: {
    title: 'Roles', new: 'Nuevo rol', code: 'Código', name: 'Nombre', description: 'Descripción',
    system: 'Del sistema', users: 'Usuarios', permissions: 'Permisos', module: 'Módulo', created_ok: 'Rol creado',
  },
  modules: {
    users: 'Usuarios', roles: 'Roles', audit: 'Auditoría', tenants: 'Empresa', customers: 'Clientes',
    catalog: 'Catálogo', servicerequests: 'Solicitudes', quotations: 'Cotizaciones', invoicing: 'Facturación',
    finance: 'Finanzas', scheduling: 'Agenda', inbox: 'Conversaciones', assistant: 'Asistente',
    notifications: 'Notificaciones', workforce: 'Personal', reporting: 'Reportes',
  },
  actions: {
    view: 'Ver', view_all: 'Ver todo', create: 'Crear', edit: 'Editar', delete: 'Eliminar', export: 'Exportar',
    import: 'Importar', approve: 'Aprobar', assign: 'Asignar', send: 'Enviar', cancel: 'Anular', reply: 'Responder',
    manage: 'Administrar', configure: 'Configurar',
  },
  customers: {
    title: 'Clientes', new: 'Nuevo cliente', search: 'Buscar por nombre, NIT, teléfono o correo', name: 'Nombre comercial',
    kind: 'Tipo', company: 'Empresa', person: 'Persona', taxId: 'NIT', country: 'País', status: 'Estado', tags: 'Etiquetas',
    notes: 'Notas', created: 'Creado', contact: 'Contacto principal', contactName: 'Nombre del contacto', phone: 'Teléfono',
    email: 'Correo', overview: 'Resumen', contacts: 'Contactos', addresses: 'Direcciones', documents: 'Documentos',
    duplicate: 'Posible duplicado de: {{names}}. Guarde de nuevo para crearlo de todos modos.', noRows: 'Sin datos',
    map: 'Ver mapa', expires: 'Vence', number: 'Número', type: 'Tipo', street: 'Dirección', zone: 'Zona', reference: 'Referencia',
    statuses: { ACTIVE: 'Activo', BLOCKED: 'Bloqueado' },
    expiry: { NONE: 'Sin vencimiento', VALID: 'Vigente', EXPIRING: 'Por vencer', EXPIRED: 'Vencido' },
  },
  accessLog: {
    title: 'Registro de accesos', when: 'Fecha', event: 'Evento', email: 'Correo', ip: 'IP', agent: 'Navegador',
    events: {
      LOGIN: 'Inicio de sesión', LOGIN_FAILED: 'Intento fallido', LOCKED: 'Bloqueo', LOGOUT: 'Cierre de sesión',
      REFRESH: 'Renovación', REFRESH_REUSED: 'Token reutilizado', PASSWORD_RESET_REQUESTED: 'Solicitud de restablecimiento',
      PASSWORD_RESET: 'Contraseña restablecida',
    },
  },
  auditLog: {
    title: 'Auditoría', when: 'Fecha', action: 'Acción', entity: 'Entidad', entityId: 'Identificador',
    actor: 'Usuario', changes: 'Cambios', summary: 'Detalle',
    actions: { CREATE: 'Creación', UPDATE: 'Modificación', DELETE: 'Eliminación', SECURITY: 'Seguridad' },
  },
};
export type Messages = typeof es;
