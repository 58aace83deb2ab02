export type ConversationStatus = 'OPEN' | 'PENDING' | 'SNOOZED' | 'RESOLVED';
export type ConversationPriority = 'LOW' | 'NORMAL' | 'HIGH' | 'URGENT';
export const STATUSES: ConversationStatus[] = ['OPEN', 'PENDING', 'SNOOZED', 'RESOLVED'];
export const PRIORITIES: ConversationPriority[] = ['LOW', 'NORMAL', 'HIGH', 'URGENT'];

export interface ConversationSummary {
  id: string;
  channelId: string;
  contactId: string;
  contactName: string | null;
  contactPhone: string | null;
  customerId: string | null;
  status: ConversationStatus;
  priority: ConversationPriority;
  assigneeId: string | null;
  assigneeName: string | null;
  /** with teams (issue 6's second half) */
  teamId?: string | null;
  teamName?: string | null;
  labels: string[];
  lastMessageAt: string | null;
  lastMessage: string | null;
  snoozedUntil: string | null;
}

export interface Note {
  id: string;
  authorId: string | null;
  authorName: string | null;
  body: string;
  createdAt: string;
}

export interface Conversation {
  summary: ConversationSummary;
  customerConfirmed: boolean;
  customerName: string | null;
  notes: Note[];
}

export type MessageStatus = 'PENDING' | 'SENT' | 'DELIVERED' | 'READ' | 'FAILED' | 'RECEIVED';

export interface Message {
  id: string;
  direction: 'IN' | 'OUT';
  type: string;
  body: string | null;
  status: MessageStatus | string;
  externalId: string | null;
  /** the Cloud API's error for a failed send: {code, title, message, error_data: {details}} */
  error: Record<string, unknown> | null;
  sentAt: string;
  /** a media message's stored file (null until an inbound one is downloaded from Meta) */
  media?: { fileId: string | null; mediaType: string | null; filename: string | null; caption: string | null } | null;
  /** our id and text of the message this one answers */
  replyTo?: { id: string; text: string | null } | null;
  location?: { latitude: number; longitude: number } | null;
  templateName?: string | null;
}

export interface Channel {
  id: string;
  kind: string;
  name: string;
  phoneNumberId: string;
  wabaId: string | null;
  displayPhone: string | null;
  accessTokenHint: string | null;
  appSecretHint: string | null;
  verifyTokenHint: string | null;
  active: boolean;
  /** Meta's side is played by the WhatsApp simulator (development and demos). */
  simulated?: boolean;
  assignment?: { mode: 'MANUAL' | 'ROUND_ROBIN'; teamId?: string | null } | null;
}

export interface CannedResponse {
  id: string;
  shortCode: string;
  title: string;
  body: string;
  updatedAt: string;
}

export interface Team {
  id: string;
  name: string;
  memberIds: string[];
  members: { id: string; name: string }[];
}

export interface Agent {
  id: string;
  name: string;
  status: 'ONLINE' | 'AWAY' | string;
  online: boolean;
  openConversations: number;
}

export interface Template {
  name: string;
  language: string;
  category: string;
  status: string;
  body: string;
  parameterCount: number;
}

/** What the composer sends (`POST /api/v1/inbox/contacts/{id}/messages`). */
export interface Outgoing {
  type: 'TEXT' | 'TEMPLATE' | 'IMAGE' | 'DOCUMENT' | 'AUDIO' | 'VIDEO' | 'BUTTONS' | 'LIST';
  text?: string;
  templateName?: string;
  templateLanguage?: string;
  templateParameters?: string[];
  fileId?: string;
  caption?: string;
  filename?: string;
  replyToMessageId?: string;
  /** BUTTONS: up to 3 reply buttons */
  buttons?: { id: string; title: string }[];
  /** LIST: the button that opens it, and its sections of rows */
  listButton?: string;
  sections?: { title?: string; rows: { id: string; title: string; description?: string }[] }[];
}
