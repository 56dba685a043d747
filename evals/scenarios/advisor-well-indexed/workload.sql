SELECT id, status FROM parcels WHERE tracking_code = 'TRK00012345';

SELECT id, status FROM parcels WHERE customer_id = 42 ORDER BY shipped_at DESC LIMIT 10;

SELECT count(*) FROM parcels WHERE shipped_at >= '2025-04-01' AND shipped_at < '2025-04-02';

SELECT c.email, p.tracking_code FROM parcels AS p JOIN customers AS c ON c.id = p.customer_id WHERE p.id = 1234;
