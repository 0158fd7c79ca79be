using System.Globalization;
using Konvooi.Domain.Common;

namespace Konvooi.Domain.Questionnaires;

/// <summary>What a raw answer (a cell in a file, a form value) turned out to be.</summary>
public enum AnswerStatus
{
    /// <summary>An option of the instrument.</summary>
    Answered,

    /// <summary>Empty, or a code mapped to nothing: a missing answer.</summary>
    Missing,

    /// <summary>Text that is no label of any option: a problem, not a missing answer.</summary>
    UnknownLabel,

    /// <summary>A number that the code table does not map: a problem, not a missing answer.</summary>
    UnmappedCode,
}

/// <summary>The outcome of mapping one raw answer; <see cref="OptionIndex"/> is valid when <see cref="Status"/> is <see cref="AnswerStatus.Answered"/>.</summary>
public readonly record struct MappedAnswer(AnswerStatus Status, int OptionIndex)
{
    public static MappedAnswer Missing { get; } = new(AnswerStatus.Missing, AnswerCodes.Missing);
}

/// <summary>
/// Maps raw answers to an instrument's options. A raw answer is a label (case and surrounding spaces
/// ignored; Dutch and English labels, option values and aliases) or an integer code (the instrument's
/// default code table, or a <see cref="CodeMap"/>). Labels and codes may be mixed. Thread-safe.
/// </summary>
public sealed class AnswerMapper
{
    private const int SmallCodeLimit = 128;
    private readonly Dictionary<string, int> _labels;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _labelLookup;
    private readonly int[] _smallCodes;
    private readonly Dictionary<int, int> _otherCodes;

    private AnswerMapper(Instrument instrument, CodeMap codes)
    {
        Instrument = instrument;
        _labels = BuildLabels(instrument);
        _labelLookup = _labels.GetAlternateLookup<ReadOnlySpan<char>>();
        _smallCodes = new int[SmallCodeLimit];
        Array.Fill(_smallCodes, int.MinValue);
        _otherCodes = [];
        foreach (var (code, optionIndex) in codes.Entries)
        {
            if (code is >= 0 and < SmallCodeLimit)
            {
                _smallCodes[code] = optionIndex;
            }
            else
            {
                _otherCodes[code] = optionIndex;
            }
        }
    }

    public Instrument Instrument { get; }

    /// <summary>A mapper with the instrument's default code table, or <paramref name="codes"/> when given.</summary>
    /// <exception cref="ArgumentException"><paramref name="codes"/> was built for another instrument.</exception>
    public static AnswerMapper Create(Instrument instrument, CodeMap? codes = null)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        codes ??= CodeMap.Default(instrument);
        if (!ReferenceEquals(codes.Instrument, instrument))
        {
            throw new ArgumentException($"The code map is for {codes.Instrument.Id}, not {instrument.Id}.", nameof(codes));
        }

        return new AnswerMapper(instrument, codes);
    }

    /// <summary>Maps one raw answer.</summary>
    public MappedAnswer Map(ReadOnlySpan<char> raw)
    {
        var text = raw.Trim();
        if (text.IsEmpty)
        {
            return MappedAnswer.Missing;
        }

        if (IsInteger(text))
        {
            if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var code))
            {
                return new MappedAnswer(AnswerStatus.UnmappedCode, AnswerCodes.Missing);
            }

            var index = code is >= 0 and < SmallCodeLimit ? _smallCodes[code] : _otherCodes.GetValueOrDefault(code, int.MinValue);
            return index switch
            {
                int.MinValue => new MappedAnswer(AnswerStatus.UnmappedCode, AnswerCodes.Missing),
                AnswerCodes.Missing => MappedAnswer.Missing,
                _ => new MappedAnswer(AnswerStatus.Answered, index),
            };
        }

        return TryMapLabel(text, out var optionIndex)
            ? new MappedAnswer(AnswerStatus.Answered, optionIndex)
            : new MappedAnswer(AnswerStatus.UnknownLabel, AnswerCodes.Missing);
    }

    /// <summary>Finds the option with this label, value or alias (case-insensitive, trimmed).</summary>
    public bool TryMapLabel(ReadOnlySpan<char> label, out int optionIndex) =>
        _labelLookup.TryGetValue(label.Trim(), out optionIndex);

    private static bool IsInteger(ReadOnlySpan<char> text)
    {
        var start = text[0] is '-' or '+' ? 1 : 0;
        if (start == text.Length)
        {
            return false;
        }

        foreach (var c in text[start..])
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static Dictionary<string, int> BuildLabels(Instrument instrument)
    {
        var labels = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < instrument.Options.Count; i++)
        {
            var option = instrument.Options[i];
            Add(option.Value, i);
            foreach (var label in option.Labels)
            {
                Add(label.Text, i);
            }

            foreach (var alias in option.Aliases)
            {
                Add(alias, i);
            }
        }

        return labels;

        void Add(string label, int index)
        {
            var key = label.Trim();
            if (labels.TryGetValue(key, out var existing) && existing != index)
            {
                throw new InvalidOperationException($"{instrument.Id}: label '{key}' belongs to two options.");
            }

            labels[key] = index;
        }
    }
}

/// <summary>
/// A table from integer codes to options: the instrument's default codes, or a spec such as
/// <c>1=ja,2=min of meer,3=nee,9=</c> where a code mapped to nothing is a missing answer.
/// </summary>
public sealed class CodeMap
{
    private CodeMap(Instrument instrument, IReadOnlyDictionary<int, int> entries)
    {
        Instrument = instrument;
        Entries = entries;
    }

    public Instrument Instrument { get; }

    /// <summary>Code → option index, or <see cref="AnswerCodes.Missing"/> for a code that means "missing".</summary>
    public IReadOnlyDictionary<int, int> Entries { get; }

    /// <summary>The instrument's default code table (<see cref="Instrument.DefaultCodes"/>).</summary>
    public static CodeMap Default(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        var entries = new Dictionary<int, int>();
        foreach (var (code, value) in instrument.DefaultCodes)
        {
            entries[code] = instrument.OptionIndex(value);
        }

        return new CodeMap(instrument, entries);
    }

    /// <summary>
    /// Parses <c>CODE=LABEL,…</c>. Labels are matched as answers are (case-insensitive, any language);
    /// an empty label makes the code a missing answer. Returns every problem found.
    /// </summary>
    public static (CodeMap? Map, IReadOnlyList<Error> Errors) Parse(string spec, Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(instrument);
        var mapper = AnswerMapper.Create(instrument);
        var entries = new Dictionary<int, int>();
        var errors = new List<Error>();
        foreach (var part in spec.Split(','))
        {
            var entry = part.Trim();
            if (entry.Length == 0)
            {
                continue;
            }

            var equals = entry.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                errors.Add(new Error("codes_syntax", $"expected CODE=LABEL (got '{entry}')"));
                continue;
            }

            var codeText = entry[..equals].Trim();
            var label = entry[(equals + 1)..].Trim();
            if (!int.TryParse(codeText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var code))
            {
                errors.Add(new Error("codes_code", $"code must be a whole number (got '{codeText}')"));
                continue;
            }

            if (entries.ContainsKey(code))
            {
                errors.Add(new Error("codes_duplicate", $"code {code.ToString(CultureInfo.InvariantCulture)} is mapped twice (got '{entry}')"));
                continue;
            }

            if (label.Length == 0)
            {
                entries[code] = AnswerCodes.Missing;
            }
            else if (mapper.TryMapLabel(label, out var index))
            {
                entries[code] = index;
            }
            else
            {
                errors.Add(new Error("codes_label", $"'{label}' is not an answer of {instrument.Id} (got '{entry}')"));
            }
        }

        if (errors.Count == 0 && entries.Count == 0)
        {
            errors.Add(new Error("codes_empty", $"no codes given (got '{spec}')"));
        }

        return errors.Count > 0 ? (null, errors) : (new CodeMap(instrument, entries), errors);
    }
}
