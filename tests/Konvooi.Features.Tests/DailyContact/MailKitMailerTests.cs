using System.Net;
using System.Net.Sockets;
using Konvooi.Features.Outbox;
using Konvooi.Domain.DailyContact;
using Konvooi.Features.DailyContact;
using Konvooi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using netDumbster.smtp;

namespace Konvooi.Features.Tests.DailyContact;

public sealed class MailKitMailerTests
{
    [Fact]
    public async Task SendAsync_ThroughALocalSink_CarriesReferenceAndLinkButNoPersonalData()
    {
        var port = FreePort();
        using var sink = SimpleSmtpServer.Start(port);
        var options = Options.Create(new MailOptions
        {
            BaseUrl = "https://konvooi.example",
            Smtp = new SmtpOptions { Host = "127.0.0.1", Port = port, Security = "None", From = "konvooi@test.example" },
        });
        var mailer = new MailKitMailer(options);
        var reference = Slot.ReferenceFor(Guid.NewGuid(), new DateOnly(2026, 3, 2));

        await mailer.SendAsync(DailyContactEmailText.Compose(["coordinator@test.example"], nameof(NotifyReason.SlotMissed), reference, options.Value.BaseUrl), CancellationToken.None);

        var message = Assert.Single(sink.ReceivedEmail);
        Assert.Equal("Konvooi: Contactmoment gemist", message.Headers["Subject"]);
        var body = message.MessageParts[0].BodyData;
        Assert.Contains(reference, body, StringComparison.Ordinal);
        Assert.Contains("https://konvooi.example/DailyContact/Slot/" + reference, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_NoServerListening_ThrowsTheMailException()
    {
        var options = Options.Create(new MailOptions { Smtp = new SmtpOptions { Host = "127.0.0.1", Port = FreePort(), Security = "None", TimeoutSeconds = 5 } });

        await Assert.ThrowsAsync<MailException>(() => new MailKitMailer(options)
            .SendAsync(new OutgoingEmail(["a@test.example"], "x", "y"), CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Job_WithTheRealMailer_DeliversTheCoordinatorAlertWithoutName(string provider)
    {
        var port = FreePort();
        using var sink = SimpleSmtpServer.Start(port);
        await using var world = await DailyContactWorld.CreateAsync(provider);
        await using var services = world.Database.BuildServices(world.Clock, s => s.Configure<MailOptions>(o =>
        {
            o.BaseUrl = "https://konvooi.example";
            o.Smtp = new SmtpOptions { Host = "127.0.0.1", Port = port, Security = "None" };
        }));
        await world.RunJobAsync(services);
        world.At(12, 5);

        await world.RunJobAsync(services);

        Assert.Equal(3, sink.ReceivedEmailCount);
        var all = string.Join("\n", sink.ReceivedEmail.Select(m => m.Headers["Subject"] + "\n" + m.MessageParts[0].BodyData));
        Assert.Contains(world.TodayReference(), all, StringComparison.Ordinal);
        Assert.DoesNotContain("Greet", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Lindelaan", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Proefpersoon", all, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
