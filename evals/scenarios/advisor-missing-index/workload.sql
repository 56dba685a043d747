SELECT id, status FROM shipments WHERE tracking_code = 'TRK00012345';

SELECT id FROM shipments WHERE customer_id = 42 AND status = 'in_transit' ORDER BY shipped_at DESC LIMIT 10;

SELECT count(*) FROM shipments WHERE shipped_at >= '2025-04-01' AND shipped_at < '2025-04-02';
