-- Fails on the duplicate e-mail addresses and, being CONCURRENTLY, leaves an invalid index behind.
CREATE UNIQUE INDEX CONCURRENTLY customers_email_key ON customers (email)
