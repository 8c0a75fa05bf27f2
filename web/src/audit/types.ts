export interface CoopEvent {
  seq: number;
  type: string;
  actorId: string | null;
  actorName: string | null;
  subjectType: string;
  subjectId: string;
  data: unknown;
  occurredAt: string;
}

export interface OutboxMessage {
  id: string;
  toAddress: string;
  subject: string;
  body: string;
  kind: string;
  status: 'queued' | 'sent' | 'held' | 'failed';
  error: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface Outbox {
  smtpConfigured: boolean;
  messages: OutboxMessage[];
}
