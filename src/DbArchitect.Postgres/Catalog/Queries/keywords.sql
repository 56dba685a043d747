-- Key words that PostgreSQL's quote_identifier quotes (all but the unreserved ones), so that index
-- and constraint definitions printed on the client quote names exactly as the server would.
SELECT word
FROM pg_get_keywords()
WHERE catcode <> 'U';
