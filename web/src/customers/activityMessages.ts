/** The texts of a customer's activity (their WhatsApp conversations and service requests), in Spanish and English. */
export const es = {
  customerActivity: {
    conversations: 'Conversaciones de WhatsApp', noConversations: 'Sin conversaciones vinculadas a este cliente.',
    lastActivity: 'Última actividad', contact: 'Contacto', status: 'Estado', lastMessage: 'Último mensaje',
    openConversation: 'Abrir la conversación con {{name}}',
    log: 'Registro de interacciones',
    requests: 'Solicitudes', noRequests: 'Este cliente no tiene solicitudes.', number: 'Número', serviceType: 'Servicio',
    requestedDate: 'Fecha solicitada', createdAt: 'Creada', owner: 'Vendedor', newRequest: 'Nueva solicitud',
    moreRequests: 'Se muestran las {{shown}} más recientes de {{total}}.',
  },
};

export const en: typeof es = {
  customerActivity: {
    conversations: 'WhatsApp conversations', noConversations: 'No conversations linked to this customer.',
    lastActivity: 'Last activity', contact: 'Contact', status: 'Status', lastMessage: 'Last message',
    openConversation: 'Open the conversation with {{name}}',
    log: 'Interaction log',
    requests: 'Requests', noRequests: 'This customer has no requests.', number: 'Number', serviceType: 'Service',
    requestedDate: 'Requested date', createdAt: 'Created', owner: 'Sales rep', newRequest: 'New request',
    moreRequests: 'Showing the {{shown}} latest of {{total}}.',
  },
};
