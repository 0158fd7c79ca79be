namespace Konvooi.Features.People;

/// <summary>What recording and withdrawing consent share. Withdrawal keeps the row (and its history).</summary>
public static class Consents
{
    public abstract record Outcome
    {
        private Outcome()
        {
        }

        public sealed record Done : Outcome;

        public sealed record NotFound : Outcome;

        public sealed record Stale : Outcome;

        public sealed record Invalid(string Field, string Message) : Outcome;
    }
}
