/** The texts of this feature, in Spanish and in English (which must have the same keys). */
export const es = {
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
    users: 'Usuarios', roles: 'Roles', audit: 'Auditoría', tenants: 'Empresa', files: 'Archivos', customers: 'Clientes',
    catalog: 'Catálogo', servicerequests: 'Solicitudes', quotations: 'Cotizaciones', invoicing: 'Facturación',
    finance: 'Finanzas', scheduling: 'Agenda', inbox: 'Conversaciones', assistant: 'Asistente',
    notifications: 'Notificaciones', workforce: 'Personal', reporting: 'Reportes',
  },
  actions: {
    view: 'Ver', view_all: 'Ver todo', create: 'Crear', edit: 'Editar', delete: 'Eliminar', export: 'Exportar',
    import: 'Importar', approve: 'Aprobar', assign: 'Asignar', send: 'Enviar', cancel: 'Anular', reply: 'Responder',
    manage: 'Administrar', configure: 'Configurar', simulate: 'Simular',
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
    field: 'Campo', before: 'Antes', after: 'Después', noFields: 'Sin campos registrados', unknownActor: 'Usuario eliminado',
    system: 'El sistema', details: 'Ver cambios', openHint: 'Abra una fila para ver los campos antes y después del cambio.',
    entities: {
      customer: 'Cliente', customer_contact: 'Contacto de cliente', customer_address: 'Dirección de cliente',
      customer_document: 'Documento de cliente', customer_legal_entity: 'Razón social', customer_import: 'Importación de clientes',
      service_request: 'Solicitud', service_type: 'Tipo de servicio', sla_policy: 'Política de SLA',
      service_request_settings: 'Configuración de solicitudes', catalog_item: 'Artículo del catálogo',
      catalog_category: 'Categoría del catálogo', user: 'Usuario', role: 'Rol', file: 'Archivo', conversation: 'Conversación',
      inbox_contact: 'Contacto de WhatsApp', channel: 'Canal de mensajería', canned_response: 'Respuesta rápida',
      inbox_team: 'Equipo de conversaciones', inbox_agent_presence: 'Disponibilidad de agente', security: 'Seguridad',
    },
    fields: {
      status: 'Estado', statusReason: 'Motivo', reason: 'Motivo', fullName: 'Nombre completo', email: 'Correo',
      phone: 'Teléfono', phones: 'Teléfonos', emails: 'Correos', language: 'Idioma', timeZone: 'Zona horaria',
      roles: 'Roles', permissions: 'Permisos', commercialName: 'Nombre comercial', taxId: 'NIT', kind: 'Tipo',
      country: 'País', ownerId: 'Vendedor', tags: 'Etiquetas', notes: 'Notas', name: 'Nombre', code: 'Código',
      description: 'Descripción', priority: 'Prioridad', channel: 'Canal', requestedDate: 'Fecha solicitada',
      price: 'Precio', currency: 'Moneda', vatRate: 'IVA', unit: 'Unidad', sku: 'SKU', active: 'Activo',
      approvalRequired: 'Aprobación requerida', labels: 'Etiquetas', assigneeId: 'Agente', teamId: 'Equipo',
      customerId: 'Cliente', title: 'Título', body: 'Texto', shortCode: 'Atajo', role: 'Función', number: 'Número',
    },
  },
};

export const en: typeof es = {
  users: {
    title: 'Users', new: 'New user', invite: 'Invite', fullName: 'Full name', email: 'Email',
    phone: 'Phone', status: 'Status', language: 'Language', timeZone: 'Time zone', roles: 'Roles',
    lastLogin: 'Last sign-in', created: 'Created', password: 'Password (optional: without it an invitation is sent)',
    deactivate: 'Deactivate', permissions: 'Per-user permissions', grants: 'Granted', revocations: 'Revoked',
    created_ok: 'User created', search: 'Search by name or email',
    statuses: { ACTIVE: 'Active', INACTIVE: 'Inactive', SUSPENDED: 'Suspended', BLOCKED: 'Blocked' },
  },
  roles: {
    title: 'Roles', new: 'New role', code: 'Code', name: 'Name', description: 'Description',
    system: 'System', users: 'Users', permissions: 'Permissions', module: 'Module', created_ok: 'Role created',
  },
  modules: {
    users: 'Users', roles: 'Roles', audit: 'Audit', tenants: 'Company', files: 'Files', customers: 'Customers',
    catalog: 'Catalog', servicerequests: 'Requests', quotations: 'Quotations', invoicing: 'Invoicing',
    finance: 'Finance', scheduling: 'Schedule', inbox: 'Conversations', assistant: 'Assistant',
    notifications: 'Notifications', workforce: 'Workforce', reporting: 'Reports',
  },
  actions: {
    view: 'View', view_all: 'View all', create: 'Create', edit: 'Edit', delete: 'Delete', export: 'Export',
    import: 'Import', approve: 'Approve', assign: 'Assign', send: 'Send', cancel: 'Cancel', reply: 'Reply',
    manage: 'Manage', configure: 'Configure', simulate: 'Simulate',
  },
  accessLog: {
    title: 'Access log', when: 'When', event: 'Event', email: 'Email', ip: 'IP', agent: 'Browser',
    events: {
      LOGIN: 'Sign-in', LOGIN_FAILED: 'Failed attempt', LOCKED: 'Lockout', LOGOUT: 'Sign-out',
      REFRESH: 'Refresh', REFRESH_REUSED: 'Token reused', PASSWORD_RESET_REQUESTED: 'Reset requested',
      PASSWORD_RESET: 'Password reset',
    },
  },
  auditLog: {
    title: 'Audit log', when: 'When', action: 'Action', entity: 'Entity', entityId: 'Id',
    actor: 'User', changes: 'Changes', summary: 'Detail',
    actions: { CREATE: 'Created', UPDATE: 'Updated', DELETE: 'Deleted', SECURITY: 'Security' },
    field: 'Field', before: 'Before', after: 'After', noFields: 'No fields recorded', unknownActor: 'Deleted user',
    system: 'The system', details: 'See changes', openHint: 'Open a row to see the fields before and after the change.',
    entities: {
      customer: 'Customer', customer_contact: 'Customer contact', customer_address: 'Customer address',
      customer_document: 'Customer document', customer_legal_entity: 'Legal entity', customer_import: 'Customer import',
      service_request: 'Request', service_type: 'Service type', sla_policy: 'SLA policy',
      service_request_settings: 'Request settings', catalog_item: 'Catalog item',
      catalog_category: 'Catalog category', user: 'User', role: 'Role', file: 'File', conversation: 'Conversation',
      inbox_contact: 'WhatsApp contact', channel: 'Messaging channel', canned_response: 'Canned response',
      inbox_team: 'Inbox team', inbox_agent_presence: 'Agent availability', security: 'Security',
    },
    fields: {
      status: 'Status', statusReason: 'Reason', reason: 'Reason', fullName: 'Full name', email: 'Email',
      phone: 'Phone', phones: 'Phones', emails: 'Emails', language: 'Language', timeZone: 'Time zone',
      roles: 'Roles', permissions: 'Permissions', commercialName: 'Trade name', taxId: 'Tax id (NIT)', kind: 'Kind',
      country: 'Country', ownerId: 'Sales rep', tags: 'Tags', notes: 'Notes', name: 'Name', code: 'Code',
      description: 'Description', priority: 'Priority', channel: 'Channel', requestedDate: 'Requested date',
      price: 'Price', currency: 'Currency', vatRate: 'VAT', unit: 'Unit', sku: 'SKU', active: 'Active',
      approvalRequired: 'Approval required', labels: 'Labels', assigneeId: 'Agent', teamId: 'Team',
      customerId: 'Customer', title: 'Title', body: 'Text', shortCode: 'Shortcut', role: 'Role', number: 'Number',
    },
  },
};
