using System.Globalization;
using Konvooi.Domain.Common;

namespace Konvooi.Domain.Monitoring;

/// <summary>A score column an indicator expression can use: a number, or a yes/no value.</summary>
public sealed record ScoreColumn(string Name, bool IsBoolean);

/// <summary>
/// A value an indicator reads straight from an input column (not from an instrument's scores): the column as
/// a number (<see cref="Texts"/> null), or 1/0 for whether its text is one of <see cref="Texts"/>
/// (<see cref="Negate"/>: is not). An empty field or a missing-value code gives a missing value.
/// </summary>
public sealed record ColumnInput(string Column, IReadOnlyList<string>? Texts, bool Negate)
{
    public bool IsNumber => Texts is null;

    public bool Equals(ColumnInput? other) =>
        other is not null && string.Equals(Column, other.Column, StringComparison.Ordinal) && Negate == other.Negate
        && (Texts is null ? other.Texts is null : other.Texts is not null && Texts.SequenceEqual(other.Texts, StringComparer.Ordinal));

    public override int GetHashCode() => HashCode.Combine(Column, Negate, Texts?.Count ?? -1);
}

/// <summary>
/// The <see cref="ColumnInput"/>s that a set of indicator expressions read, each once. In a value vector they
/// follow the score columns: input i is at position (score columns) + i.
/// </summary>
public sealed class ColumnInputs
{
    private readonly List<ColumnInput> _inputs = [];

    public IReadOnlyList<ColumnInput> Items => _inputs;

    /// <summary>The slot of <paramref name="input"/>, added when new.</summary>
    public int Add(ColumnInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var index = _inputs.IndexOf(input);
        if (index >= 0)
        {
            return index;
        }

        _inputs.Add(input);
        return _inputs.Count - 1;
    }
}

/// <summary>How two numbers are compared.</summary>
public enum ComparisonOperator
{
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Equal,
    NotEqual,
}

/// <summary>
/// A small expression over one respondent's score columns: numbers, columns, comparisons, <c>and</c>,
/// <c>or</c> and parentheses, e.g. <c>emotional &gt;= 2 and social &lt; 2</c>. A yes/no expression defines a
/// proportion, a numeric one a mean. A value is missing (NaN) when any column it uses is missing.
/// </summary>
public abstract record IndicatorExpression
{
    private IndicatorExpression()
    {
    }

    /// <summary>True for a yes/no expression (a proportion), false for a number (a mean).</summary>
    public abstract bool IsBoolean { get; }

    /// <summary>
    /// Parses <paramref name="text"/> against the available <paramref name="columns"/>. Returns the
    /// expression, or an error saying what is wrong and where (1-based character position).
    /// </summary>
    public static (IndicatorExpression? Expression, Error? Error) Parse(string text, IReadOnlyList<ScoreColumn> columns) =>
        Parse(text, columns, null);

    /// <summary>
    /// As <see cref="Parse(string, IReadOnlyList{ScoreColumn})"/>, and a name that is not a score column, or
    /// any name in square brackets (<c>[total]</c>), reads an input column, registered in
    /// <paramref name="inputs"/>: as a number, or in <c>COLUMN == "text"</c>, <c>COLUMN != "text"</c> and
    /// <c>COLUMN in (a, "b c")</c> as a text test. Without <paramref name="inputs"/> only score columns exist.
    /// </summary>
    public static (IndicatorExpression? Expression, Error? Error) Parse(string text, IReadOnlyList<ScoreColumn> columns, ColumnInputs? inputs)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(columns);
        var parser = new Parser(text, columns, inputs);
        try
        {
            var expression = parser.ParseAll();
            return (expression, null);
        }
        catch (ParseException ex)
        {
            return (null, new Error("indicator_expression", ex.Message));
        }
    }

    /// <summary>The value for one respondent: 1/0 for yes/no, the number otherwise; NaN when missing.</summary>
    public abstract double Evaluate(ReadOnlySpan<double> scores);

    /// <summary>True when the expression reads a value at position <paramref name="index"/> or later (input columns follow the scores).</summary>
    public abstract bool UsesPositionFrom(int index);

    /// <summary>A score column by position in the column list.</summary>
    public sealed record Column(string Name, int Index, bool IsBooleanColumn) : IndicatorExpression
    {
        public override bool IsBoolean => IsBooleanColumn;

        public override double Evaluate(ReadOnlySpan<double> scores) => scores[Index];

        public override bool UsesPositionFrom(int index) => Index >= index;

        public override string ToString() => Name;
    }

    /// <summary>An input column named in the expression whose use (number or text test) is not decided yet.</summary>
    private sealed record PendingColumn(string Name) : IndicatorExpression
    {
        public override bool IsBoolean => false;

        public override double Evaluate(ReadOnlySpan<double> scores) => throw new InvalidOperationException("unresolved column " + Name);

        public override bool UsesPositionFrom(int index) => false;
    }

    public sealed record Constant(double Value) : IndicatorExpression
    {
        public override bool IsBoolean => false;

        public override double Evaluate(ReadOnlySpan<double> scores) => Value;

        public override bool UsesPositionFrom(int index) => false;

        public override string ToString() => Value.ToString("R", CultureInfo.InvariantCulture);
    }

    public sealed record Comparison(ComparisonOperator Operator, IndicatorExpression Left, IndicatorExpression Right) : IndicatorExpression
    {
        public override bool IsBoolean => true;

        public override double Evaluate(ReadOnlySpan<double> scores)
        {
            var left = Left.Evaluate(scores);
            var right = Right.Evaluate(scores);
            if (double.IsNaN(left) || double.IsNaN(right))
            {
                return double.NaN;
            }

            var result = Operator switch
            {
                ComparisonOperator.Less => left < right,
                ComparisonOperator.LessOrEqual => left <= right,
                ComparisonOperator.Greater => left > right,
                ComparisonOperator.GreaterOrEqual => left >= right,
                ComparisonOperator.Equal => left == right,
                _ => left != right,
            };
            return result ? 1 : 0;
        }

        public override bool UsesPositionFrom(int index) => Left.UsesPositionFrom(index) || Right.UsesPositionFrom(index);

        public override string ToString() => $"{Left} {Symbol(Operator)} {Right}";
    }

    /// <summary><c>and</c> (<see cref="IsAnd"/>) or <c>or</c> of two yes/no expressions.</summary>
    public sealed record Logical(bool IsAnd, IndicatorExpression Left, IndicatorExpression Right) : IndicatorExpression
    {
        public override bool IsBoolean => true;

        public override double Evaluate(ReadOnlySpan<double> scores)
        {
            var left = Left.Evaluate(scores);
            var right = Right.Evaluate(scores);
            if (double.IsNaN(left) || double.IsNaN(right))
            {
                return double.NaN;
            }

            var result = IsAnd ? left != 0 && right != 0 : left != 0 || right != 0;
            return result ? 1 : 0;
        }

        public override bool UsesPositionFrom(int index) => Left.UsesPositionFrom(index) || Right.UsesPositionFrom(index);

        public override string ToString() => $"({Left} {(IsAnd ? "and" : "or")} {Right})";
    }

    private static string Symbol(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Less => "<",
        ComparisonOperator.LessOrEqual => "<=",
        ComparisonOperator.Greater => ">",
        ComparisonOperator.GreaterOrEqual => ">=",
        ComparisonOperator.Equal => "==",
        _ => "!=",
    };

    private sealed class ParseException(string message) : Exception(message);

    /// <summary>Recursive descent: or → and ('or' and)*; and → comparison ('and' comparison)*; comparison → primary (op primary)?.</summary>
    private sealed class Parser(string text, IReadOnlyList<ScoreColumn> columns, ColumnInputs? inputs)
    {
        private int _pos;

        public IndicatorExpression ParseAll()
        {
            SkipSpaces();
            if (_pos == text.Length)
            {
                throw new ParseException("the expression is empty");
            }

            var expression = ParseOr();
            SkipSpaces();
            if (_pos < text.Length)
            {
                throw Unexpected();
            }

            return expression;
        }

        private IndicatorExpression ParseOr()
        {
            var left = ParseAnd();
            while (TryKeyword("or"))
            {
                var at = _pos;
                var right = ParseAnd();
                left = new Logical(false, RequireBoolean(left, at), RequireBoolean(right, at));
            }

            return left;
        }

        private IndicatorExpression ParseAnd()
        {
            var left = ParseComparison();
            while (TryKeyword("and"))
            {
                var at = _pos;
                var right = ParseComparison();
                left = new Logical(true, RequireBoolean(left, at), RequireBoolean(right, at));
            }

            return left;
        }

        private IndicatorExpression ParseComparison()
        {
            var left = ParsePrimary();
            SkipSpaces();
            var at = _pos;
            if (left is PendingColumn column && TryKeyword("in"))
            {
                return Input(column.Name, ParseList(), negate: false);
            }

            if (!TryOperator(out var op))
            {
                return Resolve(left);
            }

            SkipSpaces();
            if (_pos < text.Length && text[_pos] is '"' or '\'')
            {
                var quoteAt = _pos;
                var literal = ParseQuoted();
                if (left is not PendingColumn textColumn)
                {
                    throw new ParseException($"position {quoteAt + 1}: a text such as \"{literal}\" can only be compared with an input column");
                }

                if (op is not (ComparisonOperator.Equal or ComparisonOperator.NotEqual))
                {
                    throw new ParseException($"position {at + 1}: text is compared with == or !=, not '{Symbol(op)}'");
                }

                return Input(textColumn.Name, [literal], op == ComparisonOperator.NotEqual);
            }

            left = Resolve(left);
            var right = Resolve(ParsePrimary());
            if (left.IsBoolean || right.IsBoolean)
            {
                throw new ParseException($"position {at + 1}: '{Symbol(op)}' compares numbers, not yes/no values");
            }

            return new Comparison(op, left, right);
        }

        /// <summary>An input column used as a number.</summary>
        private IndicatorExpression Resolve(IndicatorExpression expression) =>
            expression is PendingColumn pending ? Input(pending.Name, null, negate: false) : expression;

        private Column Input(string name, IReadOnlyList<string>? texts, bool negate)
        {
            var slot = inputs!.Add(new ColumnInput(name, texts, negate));
            return new Column(name, columns.Count + slot, texts is not null);
        }

        /// <summary><c>(a, "b c", 3)</c>: bare or quoted texts.</summary>
        private List<string> ParseList()
        {
            SkipSpaces();
            if (_pos == text.Length || text[_pos] != '(')
            {
                throw new ParseException($"position {_pos + 1}: expected '(' after 'in', e.g. in (a, b)");
            }

            _pos++;
            var values = new List<string>();
            while (true)
            {
                SkipSpaces();
                if (_pos == text.Length)
                {
                    throw new ParseException($"position {_pos + 1}: expected ')'");
                }

                string value;
                if (text[_pos] is '"' or '\'')
                {
                    value = ParseQuoted();
                }
                else
                {
                    var start = _pos;
                    while (_pos < text.Length && text[_pos] is not (',' or ')'))
                    {
                        _pos++;
                    }

                    value = text[start.._pos].Trim();
                    if (value.Length == 0)
                    {
                        throw new ParseException($"position {start + 1}: a value of the list is empty");
                    }
                }

                values.Add(value);
                SkipSpaces();
                if (_pos < text.Length && text[_pos] == ',')
                {
                    _pos++;
                    continue;
                }

                if (_pos < text.Length && text[_pos] == ')')
                {
                    _pos++;
                    return values;
                }

                throw new ParseException($"position {_pos + 1}: expected ',' or ')'");
            }
        }

        /// <summary>A text in double or single quotes; a doubled quote inside stands for one.</summary>
        private string ParseQuoted()
        {
            var quote = text[_pos];
            var start = _pos;
            _pos++;
            var value = new System.Text.StringBuilder();
            while (true)
            {
                if (_pos == text.Length)
                {
                    throw new ParseException($"position {start + 1}: the text is not closed with {quote}");
                }

                if (text[_pos] == quote)
                {
                    if (_pos + 1 < text.Length && text[_pos + 1] == quote)
                    {
                        value.Append(quote);
                        _pos += 2;
                        continue;
                    }

                    _pos++;
                    return value.ToString();
                }

                value.Append(text[_pos]);
                _pos++;
            }
        }

        private IndicatorExpression ParsePrimary()
        {
            SkipSpaces();
            if (_pos == text.Length)
            {
                throw new ParseException($"position {_pos + 1}: the expression ends too early");
            }

            var c = text[_pos];
            if (c == '(')
            {
                _pos++;
                var inner = ParseOr();
                SkipSpaces();
                if (_pos == text.Length || text[_pos] != ')')
                {
                    throw new ParseException($"position {_pos + 1}: expected ')'");
                }

                _pos++;
                return inner;
            }

            if (char.IsAsciiDigit(c) || c == '.' || c == '-')
            {
                var start = _pos;
                _pos++;
                while (_pos < text.Length && (char.IsAsciiDigit(text[_pos]) || text[_pos] == '.'))
                {
                    _pos++;
                }

                var token = text[start.._pos];
                if (!double.TryParse(token, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
                {
                    throw new ParseException($"position {start + 1}: '{token}' is not a number");
                }

                return new Constant(value);
            }

            if (c == '[' && inputs is not null)
            {
                var start = _pos;
                var end = text.IndexOf(']', _pos);
                if (end < 0)
                {
                    throw new ParseException($"position {start + 1}: the column name is not closed with ]");
                }

                var column = text[(start + 1)..end].Trim();
                if (column.Length == 0)
                {
                    throw new ParseException($"position {start + 1}: the column name is empty");
                }

                _pos = end + 1;
                return new PendingColumn(column);
            }

            if (IsNameStart(c))
            {
                var start = _pos;
                while (_pos < text.Length && IsNamePart(text[_pos]))
                {
                    _pos++;
                }

                var name = text[start.._pos];
                if (name is "and" or "or")
                {
                    throw new ParseException($"position {start + 1}: expected a score column or a number before '{name}'");
                }

                for (var i = 0; i < columns.Count; i++)
                {
                    if (string.Equals(columns[i].Name, name, StringComparison.Ordinal))
                    {
                        return new Column(name, i, columns[i].IsBoolean);
                    }
                }

                if (inputs is not null)
                {
                    return new PendingColumn(name);
                }

                throw new ParseException(
                    $"position {start + 1}: unknown score column '{name}' (known: {string.Join(", ", columns.Select(k => k.Name))})");
            }

            throw Unexpected();
        }

        private bool TryOperator(out ComparisonOperator op)
        {
            op = ComparisonOperator.Equal;
            if (_pos >= text.Length)
            {
                return false;
            }

            var two = _pos + 1 < text.Length ? text.Substring(_pos, 2) : string.Empty;
            (op, var length) = two switch
            {
                ">=" => (ComparisonOperator.GreaterOrEqual, 2),
                "<=" => (ComparisonOperator.LessOrEqual, 2),
                "==" => (ComparisonOperator.Equal, 2),
                "!=" => (ComparisonOperator.NotEqual, 2),
                "<>" => (ComparisonOperator.NotEqual, 2),
                _ => text[_pos] switch
                {
                    '>' => (ComparisonOperator.Greater, 1),
                    '<' => (ComparisonOperator.Less, 1),
                    '=' => (ComparisonOperator.Equal, 1),
                    _ => (ComparisonOperator.Equal, 0),
                },
            };
            _pos += length;
            return length > 0;
        }

        private bool TryKeyword(string keyword)
        {
            SkipSpaces();
            if (_pos + keyword.Length > text.Length
                || !text.AsSpan(_pos, keyword.Length).Equals(keyword, StringComparison.OrdinalIgnoreCase)
                || (_pos + keyword.Length < text.Length && IsNamePart(text[_pos + keyword.Length])))
            {
                return false;
            }

            _pos += keyword.Length;
            return true;
        }

        private static IndicatorExpression RequireBoolean(IndicatorExpression expression, int at) =>
            expression.IsBoolean
                ? expression
                : throw new ParseException($"position {at + 1}: 'and' and 'or' join yes/no parts such as 'total >= 3', not the number '{expression}'");

        private ParseException Unexpected() =>
            new($"position {_pos + 1}: unexpected '{text[_pos]}'");

        private void SkipSpaces()
        {
            while (_pos < text.Length && char.IsWhiteSpace(text[_pos]))
            {
                _pos++;
            }
        }

        private static bool IsNameStart(char c) => char.IsAsciiLetter(c) || c == '_';

        private static bool IsNamePart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
    }
}
