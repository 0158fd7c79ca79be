using Konvooi.Domain.Conversations;

namespace Konvooi.Domain.Tests.Conversations;

public sealed class ConversationProgressTests
{
    [Fact]
    public void Of_PartlyAnswered_CountsPerSectionWithoutNotes()
    {
        var answers = ConversationAnswers.From([
            KeyValuePair.Create("daily_life.rhythm", "regular"),
            KeyValuePair.Create("daily_life.lost_rhythm", "no"),
            KeyValuePair.Create("daily_life.good_moment", "koffie met de buurvrouw"),
            KeyValuePair.Create("daily_life.notes", "Wil graag verder praten."),
            KeyValuePair.Create("living.lives_alone", "yes"),
        ]);

        var progress = ConversationProgress.Of(answers);

        Assert.Equal(ConversationGuide.Sections.Count, progress.Count);
        Assert.Equal(new SectionProgress("daily_life", 3, 3), progress[0]);
        Assert.True(progress[0].IsComplete);
        Assert.Equal("1 van 4 vragen beantwoord", progress[1].Text);
        Assert.True(progress[1].IsStarted);
        Assert.False(progress[2].IsStarted);
        Assert.Equal("living", ConversationProgress.ResumeAt(answers));
    }

    [Fact]
    public void ResumeAt_NothingAnswered_FirstSection()
    {
        Assert.Equal("daily_life", ConversationProgress.ResumeAt(ConversationAnswers.Empty));
    }
}
