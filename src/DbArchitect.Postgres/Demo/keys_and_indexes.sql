-- Foreign keys and indexes come after the data, as a restore does it: one check and one sort
-- per object instead of one per row.

ALTER TABLE customers ADD FOREIGN KEY (tenant_id) REFERENCES tenants (id);       -- no index on tenant_id
ALTER TABLE products ADD FOREIGN KEY (category_id) REFERENCES categories (id);
ALTER TABLE orders ADD FOREIGN KEY (tenant_id) REFERENCES tenants (id);          -- no index on tenant_id
ALTER TABLE orders ADD FOREIGN KEY (customer_id) REFERENCES customers (id);      -- no index on customer_id
ALTER TABLE order_items ADD FOREIGN KEY (order_id) REFERENCES orders (id);       -- no index on order_id
ALTER TABLE order_items ADD FOREIGN KEY (product_id) REFERENCES products (id);
ALTER TABLE payments ADD FOREIGN KEY (order_id) REFERENCES orders (id);
ALTER TABLE shipment ADD FOREIGN KEY (order_id) REFERENCES orders (id);
ALTER TABLE "OrderNotes" ADD FOREIGN KEY (order_id) REFERENCES orders (id);      -- no index on order_id

-- Added without checking the rows already there, and never validated.
ALTER TABLE order_items ADD CONSTRAINT order_items_quantity_positive CHECK (quantity > 0) NOT VALID;
ALTER TABLE coupon_redemptions ADD CONSTRAINT coupon_redemptions_order_id_fkey
    FOREIGN KEY (order_id) REFERENCES orders (id) NOT VALID;

CREATE INDEX customers_last_name_idx ON customers (last_name);                   -- never used by the workload
CREATE INDEX products_category_id_idx ON products (category_id);
CREATE INDEX products_sku_idx ON products (sku);
CREATE INDEX products_sku_lookup_idx ON products (sku);                          -- exact duplicate of products_sku_idx
CREATE INDEX orders_status_idx ON orders (status);                               -- left prefix of the next one
CREATE INDEX orders_status_created_at_idx ON orders (status, created_at);
CREATE INDEX order_items_product_id_idx ON order_items (product_id);
CREATE INDEX payments_order_id_idx ON payments (order_id);
CREATE INDEX shipment_order_id_idx ON shipment (order_id);
CREATE INDEX coupon_redemptions_order_id_idx ON coupon_redemptions (order_id);
CREATE INDEX cart_items_customer_id_idx ON cart_items (customer_id);

-- Every table but wishlists, which is left never analyzed on purpose.
ANALYZE tenants, categories, customers, products, orders, order_items, payments, shipment, "OrderNotes",
        coupon_redemptions, page_views, cart_items, events;
