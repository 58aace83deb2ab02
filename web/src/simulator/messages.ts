/** The texts of this feature, in Spanish and in English (which must have the same keys). */
export const es = {
  simulator: {
    title: 'Simulador de WhatsApp',
    intro: 'Escriba como el teléfono de un cliente: el simulador envía a la plataforma webhooks firmados como los de Meta y muestra lo que la plataforma responde, con sus marcas de enviado, entregado y leído.',
    off: 'El simulador de WhatsApp está apagado en este servidor.',
    noChannels: 'No hay canales simulados. Cree un canal de WhatsApp marcado como simulado.',
    channel: 'Canal simulado', phone: 'Teléfono del cliente', addPhone: 'Agregar teléfono', newPhone: 'Teléfono (E.164)',
    profileName: 'Nombre del perfil', thread: 'Conversación', empty: 'Aún no hay mensajes. Escriba el primero.',
    fromPhone: 'Cliente', fromBusiness: 'Empresa', message: 'Mensaje', send: 'Enviar', sendPhoto: 'Adjuntar foto',
    sendLocation: 'Compartir ubicación', latitude: 'Latitud', longitude: 'Longitud', placeName: 'Nombre del lugar',
    address: 'Dirección', photo: 'Foto', document: 'Documento', template: 'Plantilla {{name}} ({{language}})', other: 'Mensaje de tipo {{type}}',
    status: { SENT: 'Enviado', DELIVERED: 'Entregado', READ: 'Leído', ACCEPTED: 'Recibido por la plataforma', REJECTED: 'Rechazado por la plataforma' },
  },
};

export const en: typeof es = {
  simulator: {
    title: 'WhatsApp simulator',
    intro: 'Write as a customer’s phone: the simulator sends the platform signed webhooks like Meta’s and shows what the platform answers, with its sent, delivered and read ticks.',
    off: 'The WhatsApp simulator is switched off on this server.',
    noChannels: 'There are no simulated channels. Create a WhatsApp channel marked as simulated.',
    channel: 'Simulated channel', phone: 'Customer’s phone', addPhone: 'Add phone', newPhone: 'Phone (E.164)',
    profileName: 'Profile name', thread: 'Conversation', empty: 'No messages yet. Write the first one.',
    fromPhone: 'Customer', fromBusiness: 'Business', message: 'Message', send: 'Send', sendPhoto: 'Attach photo',
    sendLocation: 'Share location', latitude: 'Latitude', longitude: 'Longitude', placeName: 'Place name',
    address: 'Address', photo: 'Photo', document: 'Document', template: 'Template {{name}} ({{language}})', other: 'Message of type {{type}}',
    status: { SENT: 'Sent', DELIVERED: 'Delivered', READ: 'Read', ACCEPTED: 'Taken by the platform', REJECTED: 'Refused by the platform' },
  },
};
