using System.Globalization;
using System.Runtime.ExceptionServices;
using Konvooi.Analytics.Tabular;
using Konvooi.Domain.Statistics;

namespace Konvooi.Analytics.Monitoring;

/// <summary>What reading the input gave: the merged aggregates and the counts and problems of every row.</summary>
internal sealed record MonitorData(
    SurveyAggregates Aggregates,
    long Rows,
    long InvalidRows,
    IReadOnlyList<long> MissingPerIndicator,
    IReadOnlyList<RowProblem> Problems);

/// <summary>
/// Reads a survey CSV into <see cref="MonitorData"/> (XLSX and Parquet: <see cref="TypedInputReader"/>). A regular file
/// is split at line ends into one chunk per core, without reading it first; each chunk is aggregated on
/// its own and the aggregates are merged (they are sufficient statistics, so the result equals a single
/// pass). Standard input is read in one pass, and so is a file in which a chunk met a quoted field
/// (such a field may hold a line end, so the split may have cut a record). Memory depends on the
/// number of cells, not rows.
/// </summary>
internal static class MonitorReader
{
    private const long MinimumParallelBytes = 4 << 20;
    private static readonly byte[] CandidateDelimiters = [(byte)',', (byte)';', (byte)'\t'];

    /// <summary>Reads the CSV in <paramref name="stream"/>; a <see cref="FileStream"/> of a large file is read in chunks.</summary>
    /// <param name="plan">The checked options.</param>
    /// <param name="stream">The input, positioned at its start; not closed.</param>
    /// <param name="progress">Called now and then with the number of bytes read so far, from the reading threads.</param>
    /// <param name="phase">Called with a name when a phase of the read ends (the CLI's phase times), or null.</param>
    /// <exception cref="MonitorInputException">The header lacks a column, or the input is empty.</exception>
    public static MonitorData Read(MonitorPlan plan, Stream stream, Action<long> progress, Action<string>? phase = null)
    {
        var reader = new CsvReader(stream, ReaderOptions(plan.Delimiter), leaveOpen: true);
        if (!reader.ReadRecord())
        {
            throw new MonitorInputException("line 1: the input is empty, expected a header line (got '')");
        }

        var header = Enumerable.Range(0, reader.FieldCount)
            .Select(i => TextDecoding.Decode(reader.GetFieldBytes(i), plan.Encoding).Trim())
            .ToArray();
        var (columns, problems) = MonitorColumns.Resolve(plan, header);
        if (columns is null)
        {
            throw new MonitorInputException(problems);
        }

        phase?.Invoke("header read");
        var chunks = stream is FileStream file && file.Length >= MinimumParallelBytes && Environment.ProcessorCount > 1
            ? SplitPoints(file)
            : null;
        if (chunks is not null && ReadParallel(plan, columns, (FileStream)stream, reader.Delimiter, chunks, progress, phase) is { } parallel)
        {
            return parallel;
        }

        var single = new ChunkAggregator(plan, columns);
        single.ReadAll(reader, 0, _ => progress(stream.CanSeek ? stream.Position : 0));
        return Collect([single]);
    }

    /// <summary>
    /// Aggregates the chunks side by side; each counts its own physical lines, so problems get their
    /// file line numbers afterwards. Null when a chunk met a quoted field: a quoted field may span lines,
    /// so a split at a line end may have been wrong, and the file is then read in one pass.
    /// </summary>
    private static MonitorData? ReadParallel(
        MonitorPlan plan, MonitorColumns columns, FileStream file, byte delimiter, List<(long Start, long End)> chunks, Action<long> progress, Action<string>? phase)
    {
        var path = file.Name;
        var aggregators = new ChunkAggregator[chunks.Count];
        var lines = new long[chunks.Count];
        var quoted = new bool[chunks.Count];
        var done = new long[chunks.Count];
        var failures = new ExceptionDispatchInfo?[chunks.Count];
        void ReadChunk(int c)
        {
            try
            {
                var (start, end) = chunks[c];
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
                stream.Position = start;
                using var slice = new StreamSlice(stream, end - start);
                var reader = new CsvReader(slice, ReaderOptions(delimiter));
                var aggregator = new ChunkAggregator(plan, columns);
                aggregator.ReadAll(reader, 0, _ =>
                {
                    Volatile.Write(ref done[c], slice.Position);
                    progress(done.Sum());
                });
                phase?.Invoke("chunk " + c.ToString(CultureInfo.InvariantCulture) + " read");
                aggregators[c] = aggregator;
                lines[c] = reader.PhysicalLinesRead;
                quoted[c] = reader.SawQuotedField;
            }
#pragma warning disable CA1031 // Any failure of a chunk is rethrown on the calling thread below.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failures[c] = ExceptionDispatchInfo.Capture(e);
            }
        }

        // Plain threads, not the thread pool: a short run then starts its second reader at once.
        var threads = new Thread[chunks.Count - 1];
        for (var c = 1; c < chunks.Count; c++)
        {
            var chunk = c;
            threads[c - 1] = new Thread(() => ReadChunk(chunk)) { IsBackground = true, Name = "konvooi chunk reader" };
            threads[c - 1].Start();
        }

        ReadChunk(0);
        foreach (var thread in threads)
        {
            thread.Join();
        }

        foreach (var failure in failures)
        {
            failure?.Throw();
        }

        if (quoted.Any(q => q))
        {
            return null;
        }

        // The header is one physical line (SplitPoints checked it has no quote).
        var offset = 1L;
        for (var c = 0; c < chunks.Count; c++)
        {
            aggregators[c].ShiftLines(offset);
            offset += lines[c];
        }

        return Collect(aggregators);
    }

    internal static MonitorData Collect(ChunkAggregator[] parts)
    {
        var aggregates = parts[0].Aggregates;
        for (var i = 1; i < parts.Length; i++)
        {
            aggregates.MergeFrom(parts[i].Aggregates);
        }

        var missing = parts[0].MissingPerIndicator();
        foreach (var part in parts.Skip(1))
        {
            var more = part.MissingPerIndicator();
            for (var k = 0; k < missing.Length; k++)
            {
                missing[k] += more[k];
            }
        }

        if (parts[0].HasFpc)
        {
            ApplyFpc(parts, aggregates);
        }

        return new MonitorData(
            aggregates,
            parts.Sum(p => p.Rows),
            parts.Sum(p => p.InvalidRows),
            missing,
            [.. parts.SelectMany(p => p.Problems).OrderBy(p => p.Line)]);
    }

    /// <summary>
    /// Checks the <c>--fpc</c> values as R <c>survey</c>'s <c>as.fpc</c> does, and stricter: one value per
    /// stratum (R only warns), all sampling fractions (≤ 1) or all population sizes (&gt; 1), and no population
    /// smaller than the sample. Then sets each stratum's factor (N_h − n_h)/N_h, where n_h counts the
    /// stratum's PSUs (respondents without <c>--psu</c>) and N_h = n_h / fraction for a sampling fraction.
    /// </summary>
    /// <exception cref="MonitorInputException">Every problem with the fpc values.</exception>
    private static void ApplyFpc(ChunkAggregator[] parts, SurveyAggregates aggregates)
    {
        var problems = new List<string>();
        var values = new Dictionary<string, FpcValue>(StringComparer.Ordinal);
        var conflicts = new Dictionary<string, FpcConflict>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            foreach (var conflict in part.FpcConflicts)
            {
                conflicts.TryAdd(conflict.Stratum, conflict);
            }

            foreach (var value in part.FpcValues())
            {
                if (!values.TryGetValue(value.Stratum, out var known))
                {
                    values.Add(value.Stratum, value);
                }
                else if (known.Value != value.Value)
                {
                    var (first, other) = known.Line <= value.Line ? (known, value) : (value, known);
                    conflicts.TryAdd(value.Stratum, new FpcConflict(value.Stratum, first.Value, first.Line, other.Value, other.Line));
                    if (value.Line < known.Line)
                    {
                        values[value.Stratum] = value;
                    }
                }
            }
        }

        foreach (var conflict in conflicts.Values.OrderBy(c => c.FirstLine))
        {
            var where = conflict.Stratum.Length == 0 && !parts[0].HasStrata ? "the sample (there are no --strata)" : $"stratum {conflict.Stratum}";
            problems.Add(
                $"--fpc: the value varies within {where}; give one value per stratum (got '{Number(conflict.First)}' on line {Number(conflict.FirstLine)} and '{Number(conflict.Other)}' on line {Number(conflict.Line)})");
        }

        var fractions = values.Values.Where(v => v.Value <= 1).OrderBy(v => v.Line).ToList();
        var sizes = values.Values.Where(v => v.Value > 1).OrderBy(v => v.Line).ToList();
        if (fractions.Count > 0 && sizes.Count > 0)
        {
            problems.Add(
                $"--fpc: give sampling fractions (all 1 or less) or population sizes (all more than 1), not both (got '{Number(fractions[0].Value)}' on line {Number(fractions[0].Line)} and '{Number(sizes[0].Value)}' on line {Number(sizes[0].Line)})");
        }

        var sampled = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var u = 0; u < aggregates.UnitCount; u++)
        {
            var stratum = aggregates.UnitStratum(u);
            sampled[stratum] = sampled.GetValueOrDefault(stratum) + (aggregates.Layout.IsClustered ? 1 : aggregates.UnitRows(u));
        }

        var factors = new Dictionary<string, double>(StringComparer.Ordinal);
        var units = aggregates.Layout.IsClustered ? "PSUs" : "respondents";
        foreach (var value in values.Values.OrderBy(v => v.Line))
        {
            double n = sampled.GetValueOrDefault(value.Stratum);
            var population = sizes.Count > 0 ? value.Value : n / value.Value;
            if (sizes.Count > 0 && fractions.Count == 0 && population < n)
            {
                var where = value.Stratum.Length == 0 && !parts[0].HasStrata ? "the sample has" : $"stratum {value.Stratum} has";
                problems.Add(
                    $"--fpc: {where} {Number((long)n)} {units} but the population size is {Number(value.Value)}; the fpc column must give the number of {units} in the population (got '{Number(value.Value)}' on line {Number(value.Line)})");
                continue;
            }

            factors[value.Stratum] = (population - n) / population;
        }

        if (problems.Count > 0)
        {
            throw new MonitorInputException(problems);
        }

        aggregates.SetFpcFactors(factors);
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Byte ranges of one chunk per core, each starting right after a line end; null when the header has
    /// a quote character or the file is too small to split.
    /// </summary>
    private static List<(long Start, long End)>? SplitPoints(FileStream file)
    {
        var length = file.Length;
        var bodyStart = HeaderEnd(file.Name);
        if (bodyStart < 0)
        {
            return null;
        }

        var parts = Math.Min(Environment.ProcessorCount, 8);
        var boundaries = new List<long> { bodyStart };
        using (var scan = new FileStream(file.Name, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan))
        {
            for (var p = 1; p < parts; p++)
            {
                var target = Math.Max(boundaries[^1], bodyStart + (length - bodyStart) * p / parts);
                var next = NextLineStart(scan, target, length);
                if (next > boundaries[^1] && next < length)
                {
                    boundaries.Add(next);
                }
            }
        }

        boundaries.Add(length);
        var chunks = new List<(long, long)>();
        for (var i = 0; i + 1 < boundaries.Count; i++)
        {
            chunks.Add((boundaries[i], boundaries[i + 1]));
        }

        return chunks.Count > 1 ? chunks : null;
    }

    /// <summary>The offset just past the header line, or -1 when the header has a quote (it might span lines).</summary>
    private static long HeaderEnd(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        var buffer = new byte[1 << 16];
        long offset = 0;
        while (true)
        {
            var read = stream.Read(buffer, 0, buffer.Length);
            if (read == 0)
            {
                return offset;
            }

            var span = buffer.AsSpan(0, read);
            var at = span.IndexOf((byte)'\n');
            if (span[..(at >= 0 ? at : read)].IndexOf((byte)'"') >= 0)
            {
                return -1;
            }

            if (at >= 0)
            {
                return offset + at + 1;
            }

            offset += read;
        }
    }

    private static long NextLineStart(FileStream scan, long from, long length)
    {
        scan.Position = from;
        var buffer = new byte[1 << 16];
        var offset = from;
        while (offset < length)
        {
            var read = scan.Read(buffer, 0, buffer.Length);
            if (read == 0)
            {
                break;
            }

            var at = buffer.AsSpan(0, read).IndexOf((byte)'\n');
            if (at >= 0)
            {
                return offset + at + 1;
            }

            offset += read;
        }

        return length;
    }

    private static CsvReaderOptions ReaderOptions(byte? delimiter) => new()
    {
        Delimiter = delimiter,
        CandidateDelimiters = CandidateDelimiters,
        BufferSize = 1 << 18,
    };

    /// <summary>A read-only view of the next <c>length</c> bytes of a stream.</summary>
    private sealed class StreamSlice(Stream inner, long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var remaining = length - _position;
            if (remaining <= 0)
            {
                return 0;
            }

            var read = inner.Read(buffer[..(int)Math.Min(buffer.Length, remaining)]);
            _position += read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
