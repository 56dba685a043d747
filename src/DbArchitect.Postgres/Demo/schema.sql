-- shop_demo: a multi-tenant online shop with the habits real schemas grow.
-- Every planted problem is listed in README.md next to this file.

-- Good: identity key, timestamptz audit columns, plural snake_case name.
CREATE TABLE tenants (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       text NOT NULL UNIQUE,
    plan       text NOT NULL CHECK (plan IN ('free', 'pro', 'enterprise')),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- Good.
CREATE TABLE categories (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- serial key, varchar(255) everywhere, timestamp without time zone, phone1..phone3,
-- tenant_id without row-level security and without an index, no updated_at.
CREATE TABLE customers (
    id         serial PRIMARY KEY,
    tenant_id  bigint NOT NULL,
    email      varchar(255) NOT NULL,
    first_name varchar(255) NOT NULL,
    last_name  varchar(255) NOT NULL,
    phone1     varchar(255),
    phone2     varchar(255),
    phone3     varchar(255),
    city       varchar(255),
    created_at timestamp NOT NULL DEFAULT now()
);

-- serial key, float money, json attributes, comma-separated tags, exact duplicate index on sku.
CREATE TABLE products (
    id          serial PRIMARY KEY,
    category_id bigint NOT NULL,
    sku         varchar(255) NOT NULL,
    name        varchar(255) NOT NULL,
    price       double precision NOT NULL,
    tags        text,
    attributes  json,
    created_at  timestamp NOT NULL DEFAULT now()
);

-- serial key whose sequence is set far along, enum-like status without CHECK, float total,
-- customer_city -> customer_zip copied onto every order, FKs without indexes,
-- a redundant left-prefix index (status) beside (status, created_at).
CREATE TABLE orders (
    id            serial PRIMARY KEY,
    tenant_id     bigint NOT NULL,
    customer_id   integer NOT NULL,
    status        text NOT NULL,
    customer_city text NOT NULL,
    customer_zip  text NOT NULL,
    total_amount  double precision NOT NULL,
    created_at    timestamp NOT NULL DEFAULT now()
);

-- FK order_id without an index; a CHECK added NOT VALID and never validated.
CREATE TABLE order_items (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id   integer NOT NULL,
    product_id integer NOT NULL,
    quantity   integer NOT NULL,
    unit_price numeric(12, 2) NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- serial key, real for money, timestamp without time zone; status has a CHECK (the good twin of orders.status).
CREATE TABLE payments (
    id         serial PRIMARY KEY,
    order_id   integer NOT NULL,
    amount     real NOT NULL,
    method     text NOT NULL CHECK (method IN ('card', 'paypal', 'invoice', 'voucher')),
    status     text NOT NULL CHECK (status IN ('authorized', 'captured', 'refunded', 'failed')),
    paid_at    timestamp,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- Singular name.
CREATE TABLE shipment (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id        integer NOT NULL,
    carrier         text NOT NULL,
    tracking_number text NOT NULL,
    shipped_at      timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);

-- A name that must be quoted forever; serial key; no updated_at; FK without an index.
CREATE TABLE "OrderNotes" (
    id         serial PRIMARY KEY,
    order_id   integer NOT NULL,
    author     text NOT NULL,
    note       text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- No primary key (an index on order_id, though).
CREATE TABLE coupon_redemptions (
    coupon_code text NOT NULL,
    order_id    integer NOT NULL,
    redeemed_at timestamptz NOT NULL
);

-- Many rows and no index at all, not even a primary key.
CREATE TABLE page_views (
    session_id text NOT NULL,
    path       text NOT NULL,
    referrer   text,
    viewed_at  timestamptz NOT NULL
);

-- Churn without autovacuum: deletes and updates leave dead tuples behind.
CREATE TABLE cart_items (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id integer NOT NULL,
    product_id  integer NOT NULL,
    quantity    integer NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
) WITH (autovacuum_enabled = false);

-- Too few rows for autovacuum to analyze, and the load skips it: never analyzed.
CREATE TABLE wishlists (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id integer NOT NULL,
    product_id  integer NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);

-- Large, time-ordered, append-only: a partitioning (or BRIN) candidate.
CREATE TABLE events (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id  bigint NOT NULL,
    event_type text NOT NULL,
    payload    jsonb NOT NULL,
    created_at timestamptz NOT NULL
);
