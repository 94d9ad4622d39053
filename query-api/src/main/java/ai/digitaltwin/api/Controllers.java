package ai.digitaltwin.api;

import ai.digitaltwin.api.analytics.AnalyticsController;
import ai.digitaltwin.api.analytics.AnalyticsService;
import ai.digitaltwin.api.daily.DailyFigures;
import ai.digitaltwin.api.anomaly.AnomalyService;
import ai.digitaltwin.api.auth.AuthController;
import ai.digitaltwin.api.auth.Authenticator;
import ai.digitaltwin.api.auth.LoginLimiter;
import ai.digitaltwin.api.auth.Tokens;
import ai.digitaltwin.api.behavior.BehaviorService;
import ai.digitaltwin.api.chat.ChatExchange;
import ai.digitaltwin.api.chat.http.ChatController;
import ai.digitaltwin.api.chat.store.ChatLog;
import ai.digitaltwin.api.chat.store.KafkaTranscript;
import ai.digitaltwin.api.chat.store.Personas;
import ai.digitaltwin.api.export.ExportController;
import ai.digitaltwin.api.export.ExportService;
import ai.digitaltwin.api.ingest.ExportUpload;
import ai.digitaltwin.api.ingest.IngestController;
import ai.digitaltwin.api.live.StreamController;
import ai.digitaltwin.api.personality.PersonalityController;
import ai.digitaltwin.api.personality.PersonalityService;
import ai.digitaltwin.api.sql.SqlController;
import ai.digitaltwin.api.system.DocsController;
import ai.digitaltwin.api.system.HealthController;
import ai.digitaltwin.api.system.SystemController;
import ai.digitaltwin.api.timetravel.StateAsOf;
import ai.digitaltwin.api.timetravel.TimeTravelController;
import ai.digitaltwin.api.trends.TrendService;
import ai.digitaltwin.api.twin.ImportedTwins;
import ai.digitaltwin.api.twin.RecentRegistry;
import ai.digitaltwin.api.twin.TwinController;
import ai.digitaltwin.api.twin.TwinEdits;
import ai.digitaltwin.api.twin.TwinGate;
import ai.digitaltwin.api.twin.TwinService;
import ai.digitaltwin.api.twin.TwinViewsController;
import ai.digitaltwin.api.twin.TwinWriter;

/** Every controller of the API, built once from the services and the configuration. */
record Controllers(
    Authenticator authenticator,
    TwinGate twinGate,
    AuthController auth,
    TwinController twins,
    TwinViewsController views,
    PersonalityController personality,
    AnalyticsController analytics,
    TimeTravelController timeTravel,
    ExportController export,
    IngestController ingest,
    ExportUpload upload,
    StreamController stream,
    ChatController chat,
    SqlController sql,
    HealthController health,
    SystemController system,
    DocsController docs) {

  static Controllers of(QueryApi.Services s, ApiConfig config) {
    Tokens tokens = new Tokens(config.auth().jwtSecret(), config.auth().tokenTtl(), s.clock());
    LoginLimiter limiter =
        new LoginLimiter(config.auth().loginMaxFailures(), config.auth().loginWindow(), s.clock());
    RecentRegistry recent = new RecentRegistry(s.history());
    TwinService twins = new TwinService(s.history(), recent);
    TwinWriter writer = new TwinWriter(s.events(), recent, s.clock());
    TwinEdits edits = new TwinEdits(writer);
    DailyFigures daily = new DailyFigures(s.history());
    TwinViewsController.Views views =
        new TwinViewsController.Views(
            new TrendService(s.history()),
            new BehaviorService(s.history()),
            new AnomalyService(s.history()),
            daily);
    ChatLog chatLog = new ChatLog(s.history());
    return new Controllers(
        new Authenticator(tokens, s.users()),
        new TwinGate(twins),
        new AuthController(s.users(), tokens, limiter),
        new TwinController(twins, writer, edits),
        new TwinViewsController(views, s.clock()),
        new PersonalityController(new PersonalityService(s.history()), twins, edits, s.clock()),
        new AnalyticsController(new AnalyticsService(s.history(), daily), s.clock()),
        new TimeTravelController(new StateAsOf(s.history())),
        new ExportController(new ExportService(s.history(), config.dataDir().resolve("tmp")), s.clock()),
        new IngestController(twins, new ImportedTwins(twins, writer), s.history(), s.events(), s.clock()),
        new ExportUpload(s.history(), s.events(), s.clock(), config.dataDir().resolve("tmp")),
        new StreamController(s.live()),
        new ChatController(new ChatExchange(s.chat(), new KafkaTranscript(s.events(), chatLog), s.clock()),
            new Personas(twins, s.clock()), chatLog),
        new SqlController(s.sql()),
        new HealthController(s.checks()),
        new SystemController(config.describe(), s.history(), s.metrics(), s.clock()),
        new DocsController());
  }
}
