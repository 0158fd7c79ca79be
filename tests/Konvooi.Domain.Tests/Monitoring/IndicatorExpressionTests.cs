using Konvooi.Domain.Monitoring;

namespace Konvooi.Domain.Tests.Monitoring;

public sealed class IndicatorExpressionTests
{
    private static readonly ScoreColumn[] Columns =
    [
        new("emotional", false), new("social", false), new("total", false), new("emotionally_lonely", true),
    ];

    [Theory]
    [InlineData("emotional>=2", 2, 0, 2, 1.0)]                       // docs/cli.md example emo2=emotional>=2
    [InlineData("emotional>=2", 1, 0, 1, 0.0)]
    [InlineData("total >= 3 and social < 2", 2, 1, 3, 1.0)]
    [InlineData("total >= 3 and social < 2", 1, 2, 3, 0.0)]
    [InlineData("emotional = 0 or (social == 5 and total != 4)", 1, 5, 6, 1.0)]
    [InlineData("emotional <> 1", 1, 5, 6, 0.0)]
    [InlineData("total", 2, 3, 5, 5.0)]                                // a number: the indicator is a mean
    [InlineData("emotionally_lonely or total <= 0.5", 0, 0, 0, 1.0)]
    public void Evaluate_ParsedExpression_GivesValue(string text, double emotional, double social, double total, double expected)
    {
        var (expression, error) = IndicatorExpression.Parse(text, Columns);

        Assert.Null(error);
        Assert.Equal(expected, expression!.Evaluate([emotional, social, total, emotional >= 3 ? 1 : 0]));
    }

    [Fact]
    public void Evaluate_MissingColumn_IsMissing()
    {
        var (expression, _) = IndicatorExpression.Parse("total >= 3 or emotional >= 0", Columns);

        Assert.True(double.IsNaN(expression!.Evaluate([1, 1, double.NaN, 0])));
    }

    [Theory]
    [InlineData("emotionl >= 2", "position 1: unknown score column 'emotionl' (known: emotional, social, total, emotionally_lonely)")]
    [InlineData("total >=", "position 9: the expression ends too early")]
    [InlineData("(total >= 3", "position 12: expected ')'")]
    [InlineData("total and social", "position 10: 'and' and 'or' join yes/no parts such as 'total >= 3', not the number 'total'")]
    [InlineData("emotionally_lonely > 1", "position 20: '>' compares numbers, not yes/no values")]
    [InlineData("total >= 3 social", "position 12: unexpected 's'")]
    [InlineData("", "the expression is empty")]
    public void Parse_InvalidExpression_SaysWhatAndWhere(string text, string message)
    {
        var (expression, error) = IndicatorExpression.Parse(text, Columns);

        Assert.Null(expression);
        Assert.Equal(message, error!.Message);
    }
}
