// Names for the webhooks API's generated types, and the JSON Schema shape the event-type
// pages render.
import type { GetAnswer } from '../api/client.ts';

export type WebhookEndpoint = GetAnswer<'/api/webhooks/endpoints'>['endpoints'][number];
export type WebhookDelivery =
  GetAnswer<'/api/webhooks/endpoints/{id}/deliveries'>['deliveries'][number];
export type DeliveryStatus = WebhookDelivery['status'];

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
