// The webhooks API's shapes, as /api/openapi.json describes them (WebhookEndpoint...).

export interface WebhookEndpoint {
  id: string;
  url: string;
  description: string;
  /** null: every public event type. */
  eventTypes: string[] | null;
  enabled: boolean;
  disabledAt: string | null;
  disabledReason: string | null;
  previousSecretExpiresAt: string | null;
  consecutiveFailures: number;
  pending: number;
  failed: number;
  lastSuccessAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export type DeliveryStatus = 'pending' | 'succeeded' | 'failed';

export interface WebhookDelivery {
  id: string;
  eventSeq: number;
  eventType: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  lastResponseMs: number | null;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A JSON Schema object, as z.toJSONSchema writes it. */
export interface JsonSchema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  description?: string;
}

export interface EventCatalogue {
  envelope: JsonSchema;
  eventTypes: {
    name: string;
    version: number;
    subject: string;
    summary: string;
    webhooks: boolean;
    fields: JsonSchema;
  }[];
}
