SELECT display_name FROM authors WHERE id = 42;
