package io.ovr.alpr.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.json.JavalinJackson;
import io.javalin.security.RouteRole;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.ovr.alpr.api.admin.AdminWriter;
import io.ovr.alpr.api.admin.CameraHandlers;
import io.ovr.alpr.api.admin.GlobalStores;
import io.ovr.alpr.api.admin.HotlistHandlers;
import io.ovr.alpr.api.audit.AuditHandlers;
import io.ovr.alpr.api.audit.AuditLog;
import io.ovr.alpr.api.audit.Auditor;
import io.ovr.alpr.api.auth.Authenticator;
import io.ovr.alpr.api.auth.PeerSignature;
import io.ovr.alpr.api.backend.Backends;
import io.ovr.alpr.api.backend.Required;
import io.ovr.alpr.api.backend.SqlStore;
import io.ovr.alpr.api.console.ConsoleHandlers;
import io.ovr.alpr.api.console.DeadLetterReader;
import io.ovr.alpr.api.console.LiveFeed;
import io.ovr.alpr.api.console.TopicAccess;
import io.ovr.alpr.api.history.HistoryHandlers;
import io.ovr.alpr.api.history.HistoryService;
import io.ovr.alpr.api.http.ApiException;
import io.ovr.alpr.api.http.Bodies;
import io.ovr.alpr.api.http.JettyProblemHandler;
import io.ovr.alpr.api.http.Json;
import io.ovr.alpr.api.http.OpenApi;
import io.ovr.alpr.api.http.Params;
import io.ovr.alpr.api.http.Problem;
import io.ovr.alpr.api.http.ProblemResponses;
import io.ovr.alpr.api.http.RequestIds;
import io.ovr.alpr.api.http.Route;
import io.ovr.alpr.api.http.RouteTable;
import io.ovr.alpr.api.images.ImageHandlers;
import io.ovr.alpr.api.images.ImageService;
import io.ovr.alpr.api.iq.LiveHandlers;
import io.ovr.alpr.api.iq.LiveQueries;
import io.ovr.alpr.api.iq.LiveService;
import io.ovr.alpr.api.iq.LocalStores;
import io.ovr.alpr.api.iq.PeerClient;
import io.ovr.alpr.api.iq.Placements;
import io.ovr.alpr.api.iq.RestoringPartitions;
import io.ovr.alpr.api.iq.StandbyLag;
import io.ovr.alpr.api.ops.ApiMetrics;
import io.ovr.alpr.api.ops.DatabaseReadiness;
import io.ovr.alpr.api.ops.OpsHandlers;
import io.ovr.alpr.api.ops.ReadinessCheck;
import io.ovr.alpr.api.ops.SearchReadiness;
import io.ovr.alpr.api.ops.StreamsReadiness;
import io.ovr.alpr.api.search.SearchHandlers;
import io.ovr.alpr.api.search.SearchService;
import io.ovr.alpr.sinks.objectstore.ObjectStore;
import io.ovr.alpr.sinks.search.SearchClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.TopologyDescription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The query API of one streams instance: builds the services over the instance's
 * {@link KafkaStreams} and the optional stores ({@link Backends}: PostgreSQL, OpenSearch, object
 * store), registers the route table on a Javalin server and runs it. The metrics registry, the
 * audit log and extra readiness checks are injected; a configured database and search cluster add
 * their own readiness checks. Create it before the streams start: it registers the streams'
 * restore listener.
 */
public final class QueryApi implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(QueryApi.class);
    private static final String VERSION = "v1";

    /** What the API serves and writes to, built by the caller (the composition root), which closes it. */
    public record Dependencies(KafkaStreams streams, TopologyDescription topology, AdminWriter writer,
                               PrometheusMeterRegistry metrics, AuditLog audit, List<ReadinessCheck> checks,
                               Backends backends, Optional<TopicAccess> topicAccess) {

        public Dependencies {
            checks = List.copyOf(checks);
            Objects.requireNonNull(topicAccess, "topicAccess");
        }

        /** Without direct topic access: the live feed and the dead-letter view answer 503 (not configured). */
        public Dependencies(KafkaStreams streams, TopologyDescription topology, AdminWriter writer,
                            PrometheusMeterRegistry metrics, AuditLog audit, List<ReadinessCheck> checks,
                            Backends backends) {
            this(streams, topology, writer, metrics, audit, checks, backends, Optional.empty());
        }

        /** Live state only: history, search and images answer 503 (not configured). */
        public Dependencies(KafkaStreams streams, TopologyDescription topology, AdminWriter writer,
                            PrometheusMeterRegistry metrics, AuditLog audit, List<ReadinessCheck> checks) {
            this(streams, topology, writer, metrics, audit, checks, Backends.none());
        }
    }

    /** Longest a SQL statement of the API may run. */
    static final Duration SQL_TIMEOUT = Duration.ofSeconds(10);

    private final ApiConfig config;
    private final RouteTable routes;
    private final ApiMetrics metrics;
    private final Javalin app;
    private final List<String> registered = new CopyOnWriteArrayList<>();
    private final PeerClient peers;
    private final byte[] openApi;
    private final Optional<LiveFeed> feed;

    public QueryApi(ApiConfig config, Dependencies deps) {
        this.config = config;
        ObjectMapper mapper = Json.mapper();
        Params params = new Params(config.clock());
        this.metrics = new ApiMetrics(deps.metrics(), deps.streams());
        PeerSignature signature = PeerSignature.of(config.peerSecret(), config.keys(), config.clock());
        this.peers = new PeerClient(mapper, config.advertised(), config.peerTimeout(), signature);
        Auditor auditor = new Auditor(deps.audit(), config.advertisedName(), config.clock());
        Required<SqlStore> sql = new Required<>(deps.backends().database().map(ds -> new SqlStore(ds, SQL_TIMEOUT)),
                "history (PostgreSQL)", "--db-url (ALPR_DB_URL)");
        HistoryService history = new HistoryService(sql);
        this.feed = deps.topicAccess().map(LiveFeed::new);
        this.routes = ApiRoutes.table(new ApiRoutes.Handlers(ops(config, deps, params),
                live(config, deps, peers, params, auditor, signature), new HistoryHandlers(history, params, auditor),
                search(deps, params, auditor), images(config, deps, history, params, auditor),
                new AuditHandlers(sql, params), hotlist(deps, params, mapper), cameras(deps, params, mapper),
                console(deps, feed, sql, params, auditor)));
        this.openApi = document(routes, mapper);
        ProblemResponses problems = new ProblemResponses(mapper);
        Authenticator authenticator = new Authenticator(config.keys());
        this.app = Javalin.create(cfg -> configure(cfg, mapper, problems, authenticator));
        if (config.keys().isEmpty()) {
            LOG.warn("no API keys configured: every route except health, ready, metrics and docs answers 401");
        }
    }

    public QueryApi start() {
        feed.ifPresent(LiveFeed::start);
        app.start();
        LOG.info("query API on {}:{} (advertised as {})", config.bindHost(), app.port(), config.advertisedName());
        return this;
    }

    public int port() {
        return app.port();
    }

    /** The route table (the source of the OpenAPI document). */
    public RouteTable routes() {
        return routes;
    }

    /** Every HTTP handler Javalin registered, as {@code METHOD path}: to check the document covers them all. */
    public List<String> registeredRoutes() {
        return List.copyOf(registered);
    }

    @Override
    public void close() {
        app.stop();
        feed.ifPresent(LiveFeed::close);
        peers.close();
        metrics.close();
    }

    private void configure(JavalinConfig cfg, ObjectMapper mapper, ProblemResponses problems,
                           Authenticator authenticator) {
        cfg.startup.showJavalinBanner = false;
        cfg.startup.showOldJavalinVersionWarning = false;
        cfg.jetty.host = config.bindHost();
        cfg.jetty.port = config.advertised().port();
        cfg.http.maxRequestSize = HotlistHandlers.MAX_IMPORT_BYTES;
        cfg.http.prefer405over404 = true;
        cfg.jsonMapper(new JavalinJackson(mapper, false));
        JettyProblemHandler jettyErrors = new JettyProblemHandler(problems);
        cfg.jetty.modifyServer(server -> server.setErrorHandler(jettyErrors));
        cfg.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(jettyErrors));
        cfg.requestLogger.http(metrics::record);
        cfg.events.handlerAdded(meta -> {
            if (meta.getHttpMethod().isHttpMethod()) {
                registered.add(meta.getHttpMethod().name() + " " + meta.getPath());
            }
        });
        problems.register(cfg.routes);
        cfg.routes.exception(AdminWriter.WriteFailedException.class, (e, ctx) -> problems.write(ctx,
                Problem.of(503, "Temporarily unavailable", "the change was not acknowledged by Kafka; nothing can"
                        + " be assumed written, retry"), Map.of("Retry-After",
                        Long.toString(ApiException.RETRY_AFTER.toSeconds()))));
        cfg.routes.before(RequestIds::assign);
        cfg.routes.beforeMatched(authenticator::check);
        for (Route route : routes.routes()) {
            RouteRole[] roles = route.role().map(r -> new RouteRole[] {r}).orElse(new RouteRole[0]);
            cfg.routes.addHttpHandler(route.method(), route.path(), route.handler(), roles);
        }
    }

    private static LiveHandlers live(ApiConfig config, Dependencies deps, PeerClient peers, Params params,
                                     Auditor auditor, PeerSignature signature) {
        LocalStores stores = new LocalStores(deps.streams(), RestoringPartitions.attach(deps.streams()),
                new StandbyLag(deps.streams(), config.maxStandbyLag(), config.clock()));
        LiveService service = new LiveService(stores, new Placements(deps.streams()), peers, auditor,
                config.advertised(), deps.metrics());
        return new LiveHandlers(service, new LiveQueries(params), params, signature);
    }

    private static SearchHandlers search(Dependencies deps, Params params, Auditor auditor) {
        Required<SearchClient> search = new Required<>(deps.backends().search(), "search (OpenSearch)",
                "--opensearch-url (ALPR_OPENSEARCH_URL)");
        return new SearchHandlers(new SearchService(search), params, auditor);
    }

    private static ImageHandlers images(ApiConfig config, Dependencies deps, HistoryService history, Params params,
                                        Auditor auditor) {
        String option = "--s3-endpoint (ALPR_S3_ENDPOINT)";
        Required<ObjectStore> store = new Required<>(deps.backends().images(), "images (object store)", option);
        Required<ObjectStore> signer = new Required<>(deps.backends().imageLinks().or(() -> deps.backends().images()),
                "images (object store)", option);
        return new ImageHandlers(new ImageService(history, store, signer, config.imageLinkValidity()), params,
                auditor);
    }

    private static HotlistHandlers hotlist(Dependencies deps, Params params, ObjectMapper mapper) {
        return new HotlistHandlers(deps.writer(), new GlobalStores(deps.streams()), params, new Bodies(mapper));
    }

    private static ConsoleHandlers console(Dependencies deps, Optional<LiveFeed> feed, Required<SqlStore> sql,
                                           Params params, Auditor auditor) {
        String option = "direct topic access (alpr streams gives it)";
        return new ConsoleHandlers(new Required<>(feed, "the live feed", option), new Required<>(deps.topicAccess()
                .map(DeadLetterReader::new), "the dead-letter view", option), sql, params, auditor);
    }

    private static CameraHandlers cameras(Dependencies deps, Params params, ObjectMapper mapper) {
        return new CameraHandlers(deps.writer(), new GlobalStores(deps.streams()), params, new Bodies(mapper));
    }

    private OpsHandlers ops(ApiConfig config, Dependencies deps, Params params) {
        List<ReadinessCheck> checks = new ArrayList<>();
        checks.add(new StreamsReadiness(deps.streams()));
        deps.backends().database().ifPresent(ds -> checks.add(new DatabaseReadiness(ds)));
        deps.backends().search().ifPresent(search -> checks.add(new SearchReadiness(search)));
        checks.addAll(deps.checks());
        return new OpsHandlers(deps.streams(), checks, deps.metrics(), deps.topology(), () -> openApi,
                resource("docs.html"), config.advertisedName(), params);
    }

    private static String resource(String name) {
        try (InputStream in = QueryApi.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] document(RouteTable table, ObjectMapper mapper) {
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(OpenApi.document(table, VERSION));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the OpenAPI document", e);
        }
    }
}
