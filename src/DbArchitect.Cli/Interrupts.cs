namespace DbArchitect.Cli;

/// <summary>
/// Where Ctrl+C goes. By default it cancels the whole run; a chat session routes it to the answer
/// being produced, so an interrupted answer does not end the session.
/// </summary>
internal static class Interrupts
{
    private static readonly Stack<Action> Handlers = new();
    private static readonly Lock Gate = new();

    /// <summary>Routes Ctrl+C to <paramref name="handler"/> until the returned scope is disposed.</summary>
    public static IDisposable Route(Action handler)
    {
        lock (Gate)
        {
            Handlers.Push(handler);
        }

        return new Scope();
    }

    /// <summary>Calls the innermost handler.</summary>
    public static void Raise()
    {
        Action? handler;
        lock (Gate)
        {
            Handlers.TryPeek(out handler);
        }

        handler?.Invoke();
    }

    private sealed class Scope : IDisposable
    {
        public void Dispose()
        {
            lock (Gate)
            {
                Handlers.Pop();
            }
        }
    }
}
