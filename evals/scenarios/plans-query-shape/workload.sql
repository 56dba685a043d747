SELECT * FROM articles WHERE author_id = 17;

SELECT id, headline FROM articles ORDER BY published_at DESC LIMIT 20 OFFSET 5000;

SELECT id, display_name FROM authors WHERE id NOT IN (SELECT author_id FROM articles);

SELECT id FROM authors WHERE lower(email) = 'author42@example.com';
