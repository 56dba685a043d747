using System.Buffers.Binary;
using System.Security.Cryptography;

namespace DbArchitect.Postgres.Rewrites;

/// <summary>
/// Combines per-row MD5 digests into one digest of a whole result, row by row, so that no result
/// is ever held in memory. Unordered, it digests the multiset of rows: the sums (mod 2^64) of the
/// two 64-bit halves of every row digest and the row count, which no order of the same rows
/// changes and a duplicated row does. Ordered, it is SHA-256 over the row digests in turn.
/// </summary>
internal sealed class ResultDigest(bool ordered) : IDisposable
{
    private readonly IncrementalHash _sequence = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private ulong _highSum;
    private ulong _lowSum;

    public long Rows { get; private set; }

    /// <param name="rowMd5">The row's md5, 32 hexadecimal digits as PostgreSQL writes them.</param>
    public void Add(string rowMd5)
    {
        Span<byte> digest = stackalloc byte[16];
        Convert.FromHexString(rowMd5, digest, out _, out _);
        if (ordered)
        {
            _sequence.AppendData(digest);
        }
        else
        {
            unchecked
            {
                _highSum += BinaryPrimitives.ReadUInt64BigEndian(digest[..8]);
                _lowSum += BinaryPrimitives.ReadUInt64BigEndian(digest[8..]);
            }
        }

        Rows++;
    }

    /// <summary>The result's digest as lower-case hexadecimal; equal results give equal digests.</summary>
    public string ToHex()
    {
        if (ordered)
        {
            return Convert.ToHexStringLower(_sequence.GetCurrentHash());
        }

        Span<byte> multiset = stackalloc byte[24];
        BinaryPrimitives.WriteInt64BigEndian(multiset[..8], Rows);
        BinaryPrimitives.WriteUInt64BigEndian(multiset[8..16], _highSum);
        BinaryPrimitives.WriteUInt64BigEndian(multiset[16..], _lowSum);
        return Convert.ToHexStringLower(SHA256.HashData(multiset));
    }

    public void Dispose() => _sequence.Dispose();
}
