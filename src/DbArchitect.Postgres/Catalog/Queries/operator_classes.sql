-- Operator classes that are not the default for their type: the ones an index definition names.
SELECT oc.oid, oc.opcname AS name
FROM pg_opclass oc
WHERE NOT oc.opcdefault;
