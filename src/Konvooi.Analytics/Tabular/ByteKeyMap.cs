using System.Runtime.CompilerServices;
using System.Buffers.Binary;

namespace Konvooi.Analytics.Tabular;

/// <summary>
/// Maps byte strings (field contents) to dense ids 0, 1, 2, … without allocating on lookups, so a
/// large file is reduced to integers in one pass. Memory grows with the number of distinct keys only.
/// </summary>
public sealed class ByteKeyMap
{
    private byte[] _arena = new byte[1024];
    private int _arenaUsed;
    private int[] _keyStart = new int[64];
    private int[] _keyLength = new int[64];
    private int[] _table = CreateTable(128);
    private ulong[] _tableHash = new ulong[128];

    public int Count { get; private set; }

    /// <summary>The bytes of key <paramref name="id"/>.</summary>
    public ReadOnlySpan<byte> KeyBytes(int id) => _arena.AsSpan(_keyStart[id], _keyLength[id]);

    /// <summary>The id of <paramref name="key"/>; <paramref name="added"/> is true when it was new.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int GetOrAdd(ReadOnlySpan<byte> key, out bool added)
    {
        // Keys of up to 7 bytes are packed with their length into the stored value itself, so equal
        // values mean equal keys; longer keys store a hash with the top bit set and are compared in full.
        var isShort = key.Length <= 7;
        var hash = isShort ? Pack(key) : Hash(key) | (1UL << 63);
        var mask = _table.Length - 1;
        var slot = (int)(Mix(hash) & (ulong)mask);
        while (true)
        {
            var id = _table[slot];
            if (id < 0)
            {
                break;
            }

            if (_tableHash[slot] == hash && (isShort || KeyBytes(id).SequenceEqual(key)))
            {
                added = false;
                return id;
            }

            slot = (slot + 1) & mask;
        }

        added = true;
        var newId = Count;
        if (newId == _keyStart.Length)
        {
            Array.Resize(ref _keyStart, newId * 2);
            Array.Resize(ref _keyLength, newId * 2);
        }

        if (_arenaUsed + key.Length > _arena.Length)
        {
            Array.Resize(ref _arena, Math.Max(_arena.Length * 2, _arenaUsed + key.Length));
        }

        key.CopyTo(_arena.AsSpan(_arenaUsed));
        _keyStart[newId] = _arenaUsed;
        _keyLength[newId] = key.Length;
        _arenaUsed += key.Length;
        Count++;
        _table[slot] = newId;
        _tableHash[slot] = hash;
        if (Count * 2 > _table.Length)
        {
            Grow();
        }

        return newId;
    }

    private void Grow()
    {
        var size = _table.Length * 2;
        var table = CreateTable(size);
        var hashes = new ulong[size];
        var mask = size - 1;
        for (var i = 0; i < _table.Length; i++)
        {
            if (_table[i] < 0)
            {
                continue;
            }

            var slot = (int)(Mix(_tableHash[i]) & (ulong)mask);
            while (table[slot] >= 0)
            {
                slot = (slot + 1) & mask;
            }

            table[slot] = _table[i];
            hashes[slot] = _tableHash[i];
        }

        _table = table;
        _tableHash = hashes;
    }

    private static int[] CreateTable(int size)
    {
        var table = new int[size];
        Array.Fill(table, -1);
        return table;
    }

    private static ulong Pack(ReadOnlySpan<byte> key)
    {
        var length = key.Length;
        ulong packed;
        if (length >= 4)
        {
            // Two overlapping 4-byte reads cover 4–7 bytes exactly.
            ulong low = BinaryPrimitives.ReadUInt32LittleEndian(key);
            ulong high = BinaryPrimitives.ReadUInt32LittleEndian(key[(length - 4)..]);
            packed = low | (high << (8 * (length - 4)));
        }
        else
        {
            packed = 0;
            for (var i = 0; i < length; i++)
            {
                packed |= (ulong)key[i] << (8 * i);
            }
        }

        return packed | ((ulong)length << 56);
    }

    private static ulong Hash(ReadOnlySpan<byte> key)
    {
        var h = 0x9E3779B97F4A7C15UL ^ (ulong)key.Length;
        while (key.Length >= 8)
        {
            h = Mix(h ^ BinaryPrimitives.ReadUInt64LittleEndian(key));
            key = key[8..];
        }

        ulong tail = 0;
        for (var i = 0; i < key.Length; i++)
        {
            tail |= (ulong)key[i] << (8 * i);
        }

        return Mix(h ^ tail) >> 1;
    }

    private static ulong Mix(ulong x)
    {
        x ^= x >> 33;
        x *= 0xFF51AFD7ED558CCDUL;
        x ^= x >> 33;
        x *= 0xC4CEB9FE1A85EC53UL;
        x ^= x >> 33;
        return x;
    }
}
