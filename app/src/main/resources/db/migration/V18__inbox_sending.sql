-- Outbound messages carry the sender's idempotency key: a double click or a retry sends once.
alter table inbox_messages add column idempotency_key text;
alter table inbox_messages add column sent_by uuid;
create unique index inbox_messages_idempotency_idx on inbox_messages (tenant_id, channel_id, idempotency_key)
    where idempotency_key is not null;
