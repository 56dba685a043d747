using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace DbArchitect.Agent.Model.Pipeline;

/// <summary>
/// Lets a chat-client layer see the exceptions of a streamed response, which C# cannot catch
/// around a <c>yield return</c>.
/// </summary>
internal static class StreamFailures
{
    /// <param name="source">The stream to pass through.</param>
    /// <param name="onFailure">Sees each failure; returns a replacement to throw, or null to rethrow the original.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    public static async IAsyncEnumerable<T> Observe<T>(
        IAsyncEnumerable<T> source, Func<Exception, Exception?> onFailure, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var enumerator = source.GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await enumerator.MoveNextAsync())
                {
                    yield break;
                }
            }
            catch (Exception exception)
            {
                if (onFailure(exception) is { } replacement)
                {
                    throw replacement;
                }

                ExceptionDispatchInfo.Throw(exception);
            }

            yield return enumerator.Current;
        }
    }
}
