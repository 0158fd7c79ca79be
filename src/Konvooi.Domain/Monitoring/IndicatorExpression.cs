using System.Globalization;
using Konvooi.Domain.Common;

namespace Konvooi.Domain.Monitoring;

/// <summary>A score column an indicator expression can use: a number, or a yes/no value.</summary>
public sealed record ScoreColumn(string Name, bool IsBoolean);

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
    public static (IndicatorExpression? Expression, Error? Error) Parse(string text, IReadOnlyList<ScoreColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(columns);
        var parser = new Parser(text, columns);
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

    /// <summary>A score column by position in the column list.</summary>
    public sealed record Column(string Name, int Index, bool IsBooleanColumn) : IndicatorExpression
    {
        public override bool IsBoolean => IsBooleanColumn;

        public override double Evaluate(ReadOnlySpan<double> scores) => scores[Index];

        public override string ToString() => Name;
    }

    public sealed record Constant(double Value) : IndicatorExpression
    {
        public override bool IsBoolean => false;

        public override double Evaluate(ReadOnlySpan<double> scores) => Value;

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
    private sealed class Parser(string text, IReadOnlyList<ScoreColumn> columns)
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
            if (!TryOperator(out var op))
            {
                return left;
            }

            var right = ParsePrimary();
            if (left.IsBoolean || right.IsBoolean)
            {
                throw new ParseException($"position {at + 1}: '{Symbol(op)}' compares numbers, not yes/no values");
            }

            return new Comparison(op, left, right);
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
