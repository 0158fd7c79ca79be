using Konvooi.Domain.Monitoring;

namespace Konvooi.Domain.Tests.Monitoring;

/// <summary>Indicator expressions over input columns (docs/monitor.md, "Any column").</summary>
public sealed class IndicatorColumnExpressionTests
{
    private static readonly ScoreColumn[] Scores = [new("total", false), new("emotional", false)];

    [Fact]
    public void Parse_ScoresWinAndBracketsReachTheColumn()
    {
        var inputs = new ColumnInputs();
        var (score, _) = IndicatorExpression.Parse("total", Scores, inputs);
        var (column, _) = IndicatorExpression.Parse("[total]", Scores, inputs);
        var (other, _) = IndicatorExpression.Parse("age >= 75", Scores, inputs);

        Assert.Equal(new IndicatorExpression.Column("total", 0, false), score);
        Assert.Equal(new IndicatorExpression.Column("total", 2, false), column);
        Assert.Equal([new ColumnInput("total", null, false), new ColumnInput("age", null, false)], inputs.Items);
        Assert.Equal(1.0, other!.Evaluate([0, 0, 9, 80]));
        Assert.True(other.UsesPositionFrom(2));
        Assert.False(score!.UsesPositionFrom(2));
    }

    [Fact]
    public void Parse_TextTestsAndLists_RegisterTextInputs()
    {
        var inputs = new ColumnInputs();
        var (equal, e1) = IndicatorExpression.Parse("herkomst==\"non-western\"", [], inputs);
        var (notEqual, e2) = IndicatorExpression.Parse("herkomst != 'it''s'", [], inputs);
        var (list, e3) = IndicatorExpression.Parse("regio in (noord, \"oost, west\") and age>=75", [], inputs);

        Assert.Null(e1);
        Assert.Null(e2);
        Assert.Null(e3);
        Assert.True(equal!.IsBoolean);
        Assert.Equal(["non-western"], inputs.Items[0].Texts!);
        Assert.Equal(["it's"], inputs.Items[1].Texts!);
        Assert.True(inputs.Items[1].Negate);
        Assert.Equal(["noord", "oost, west"], inputs.Items[2].Texts!);
        Assert.Equal(1.0, list!.Evaluate([0, 0, 1, 80]));
        Assert.Equal(0.0, notEqual!.Evaluate([0, 0, 1, 80]));
    }

    [Theory]
    [InlineData("x > \"a\"", "position 3: text is compared with == or !=, not '>'")]
    [InlineData("total == \"a\"", "position 10: a text such as \"a\" can only be compared with an input column")]
    [InlineData("x in a", "position 6: expected '(' after 'in', e.g. in (a, b)")]
    [InlineData("x in (a,)", "position 9: a value of the list is empty")]
    [InlineData("x == \"open", "position 6: the text is not closed with \"")]
    [InlineData("[x", "position 1: the column name is not closed with ]")]
    public void Parse_BadColumnExpression_SaysWhere(string text, string message)
    {
        var (expression, error) = IndicatorExpression.Parse(text, Scores, new ColumnInputs());

        Assert.Null(expression);
        Assert.Equal(message, error!.Message);
    }
}
