using Konvooi.Domain.Conversations;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.People;

namespace Konvooi.Features.Conversations;

/// <summary>The good conversation of a person (ES-5): every answer so far, the progress per section and where to resume; audit-logged.</summary>
public static class GetConversation
{
    public sealed record Overview(string PersonName, ConversationAnswers Answers, IReadOnlyList<SectionProgress> Progress, string? ResumeAt);

    public sealed class Handler(KonvooiDbContext db, AuditLog audit)
    {
        public async Task<Overview?> HandleAsync(Guid personId, CancellationToken cancellationToken)
        {
            var person = await db.VisiblePersonNameAsync(personId, cancellationToken).ConfigureAwait(false);
            if (person is null)
            {
                return null;
            }

            var answers = await db.AllAnswersAsync(personId, cancellationToken).ConfigureAwait(false);
            audit.Add(AuditActions.View, "Conversation", personId, personId);
            await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return new Overview(person, answers, ConversationProgress.Of(answers), ConversationProgress.ResumeAt(answers));
        }
    }
}
