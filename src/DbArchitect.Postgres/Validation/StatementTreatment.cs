namespace DbArchitect.Postgres.Validation;

/// <summary>How the scratch checker proves one statement of an item.</summary>
internal enum StatementTreatment
{
    /// <summary>Executed as written (CONCURRENTLY taken out) inside the block's transaction; so is text the parser refuses, for the server's own error.</summary>
    Runs,

    /// <summary>BEGIN, COMMIT, ROLLBACK, PREPARE TRANSACTION…: left out, since it would end the checker's transaction and let the rest commit. SAVEPOINT, RELEASE and ROLLBACK TO work inside it and run.</summary>
    TransactionControl,

    /// <summary><c>COPY … PROGRAM</c>: a shell command on the server, never run.</summary>
    ProgramCopy,

    /// <summary><c>COPY … FROM STDIN / TO STDOUT</c>: its data is the client's, so there is nothing to run.</summary>
    ClientCopy,

    /// <summary>A query or DML with <c>$n</c>: prepared, since the values are the application's.</summary>
    Parameterised,

    /// <summary>A statement that cannot run in a transaction (<see cref="NonTransactionalStatement"/>): its names are checked against the copy's catalog.</summary>
    OutsideTransaction,
}
