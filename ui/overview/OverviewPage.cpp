// SPDX-License-Identifier: GPL-3.0-or-later
#include "overview/OverviewPage.h"

#include "admin/SessionService.h"
#include "backend/Backend.h"
#include "events/EventTypes.h"
#include "model/Account.h"
#include "overview/RecentEventsModel.h"
#include "overview/SignInChart.h"
#include "runtime/Provider.h"
#include "shell/StatusDot.h"
#include "store/AccountStore.h"
#include "store/ClientStore.h"
#include "store/EventStore.h"
#include "widgets/PageHeader.h"

#include <QClipboard>
#include <QDesktopServices>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace lanyard::ui {

namespace {

/// How many latest events the page lists.
constexpr int LatestEventCount = 10;
/// Events that arrive together (a sign-in is several) cause one read.
constexpr int CountsDebounceMs = 300;
/// The chart's window moves on this often.
constexpr int ClockIntervalMs = 5'000;
/// Sessions expire without an event: counts are read again this often.
constexpr int CountsIntervalMs = 60'000;
/// The chart's first load reads the event log in pages of this size.
constexpr int HistoryPageSize = 5'000;
/// ... and stops after this many pages (a million sign-ins in an hour).
constexpr int HistoryMaxPages = 200;

struct Counts
{
    qint64 clients = -1;
    qint64 accounts = -1;
    qint64 sessions = -1;
    /// Usernames by subject, for events that carry only the subject.
    QHash<QString, QString> usernames;
    QString error;
};

struct History
{
    SignInHistogram histogram;
    /// The largest id the query saw.
    qint64 lastId = 0;
    QString error;
};

/// Types whose events change one of the counts.
bool changesCounts(const Event &event)
{
    return event.type == event_type::AdminChanged || event.type == event_type::LoginSucceeded ||
           event.type == event_type::SessionEnded || event.type == event_type::GrantRevoked;
}

QLabel *countLabel(const QString &objectName)
{
    auto *label = new QLabel(u"–"_s);
    label->setObjectName(objectName);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 2.0);
    font.setBold(true);
    label->setFont(font);
    label->setAlignment(Qt::AlignCenter);
    return label;
}

} // namespace

bool OverviewPage::isSignIn(const Event &event)
{
    return event.type == event_type::LoginSucceeded || event.type == event_type::LoginFailed ||
           event.type == event_type::LoginThrottled;
}

OverviewPage::OverviewPage(Backend *backend, QWidget *parent)
    : QWidget(parent), m_backend(backend), m_stateLabel(new QLabel), m_stateDot(new StatusDot),
      m_issuerEdit(new QLineEdit), m_copyButton(new QPushButton(tr("&Copy"))),
      m_openButton(new QPushButton(tr("&Open in browser"))),
      m_startButton(new QPushButton(tr("&Start"))), m_stopButton(new QPushButton(tr("S&top"))),
      m_restartButton(new QPushButton(tr("&Restart"))),
      m_clientsLabel(countLabel(u"clientCount"_s)), m_accountsLabel(countLabel(u"accountCount"_s)),
      m_sessionsLabel(countLabel(u"sessionCount"_s)), m_errorLabel(new QLabel),
      m_chart(new SignInChart), m_recentModel(new RecentEventsModel(LatestEventCount, this)),
      m_recentView(new QTableView), m_countsDebounce(new QTimer(this)),
      m_clockTimer(new QTimer(this)), m_countsTimer(new QTimer(this))
{
    const int em = fontMetrics().height();

    auto *header = new PageHeader(
        tr("Overview"), tr("The embedded OpenID Provider at a glance: where it serves, what it "
                           "manages and who signs in."));

    m_errorLabel->setObjectName(u"overviewError"_s);
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errorLabel->hide();

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setSpacing(em * 3 / 4);
    layout->addWidget(header);
    layout->addWidget(m_errorLabel);
    auto *top = new QHBoxLayout;
    top->setSpacing(em * 3 / 4);
    top->addWidget(createServerBox(), 3);
    top->addWidget(createCountsBox(), 2);
    layout->addLayout(top);
    layout->addWidget(createChartBox(), 1);
    layout->addWidget(createEventsBox());

    // Scrolls instead of squeezing when the window is small or the scale large.
    auto *scroll = new QScrollArea;
    scroll->setObjectName(u"overviewScroll"_s);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setWidget(content);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    m_countsDebounce->setSingleShot(true);
    m_countsDebounce->setInterval(CountsDebounceMs);
    connect(m_countsDebounce, &QTimer::timeout, this, &OverviewPage::refreshCounts);
    m_clockTimer->setInterval(ClockIntervalMs);
    connect(m_clockTimer, &QTimer::timeout, this,
            [this] { setNow(QDateTime::currentDateTimeUtc()); });
    m_countsTimer->setInterval(CountsIntervalMs);
    connect(m_countsTimer, &QTimer::timeout, this, &OverviewPage::scheduleCountsRefresh);

    m_histogram.setNow(QDateTime::currentDateTimeUtc());
    updateChart();

    connect(backend, &Backend::statusChanged, this, &OverviewPage::showStatus);
    connect(backend, &Backend::eventsRecorded, this, &OverviewPage::onEventsRecorded);
    connect(backend, &Backend::ready, this, &OverviewPage::onReady);
    showStatus(backend->status());
    if (backend->isReady())
        onReady();
}

QWidget *OverviewPage::createServerBox()
{
    auto *box = new QGroupBox(tr("Server"));
    box->setObjectName(u"serverBox"_s);

    m_stateDot->setObjectName(u"serverStateDot"_s);
    m_stateLabel->setObjectName(u"serverStateLabel"_s);
    m_stateLabel->setWordWrap(true);
    m_stateLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_issuerEdit->setObjectName(u"issuerEdit"_s);
    m_issuerEdit->setReadOnly(true);
    m_issuerEdit->setAccessibleName(tr("Issuer URL"));
    m_issuerEdit->setPlaceholderText(tr("Not available yet"));
    m_copyButton->setObjectName(u"copyIssuerButton"_s);
    m_copyButton->setToolTip(tr("Copy the issuer URL to the clipboard, for a relying party's "
                                "configuration"));
    m_copyButton->setIcon(QIcon::fromTheme(u"edit-copy"_s));
    m_openButton->setObjectName(u"openIssuerButton"_s);
    m_openButton->setIcon(QIcon::fromTheme(u"internet-web-browser"_s));
    connect(m_copyButton, &QPushButton::clicked, this, &OverviewPage::copyIssuer);
    connect(m_openButton, &QPushButton::clicked, this, &OverviewPage::openIssuer);

    m_startButton->setObjectName(u"startButton"_s);
    m_stopButton->setObjectName(u"stopButton"_s);
    m_restartButton->setObjectName(u"restartButton"_s);
    m_startButton->setToolTip(tr("Start serving on the configured address"));
    m_stopButton->setToolTip(tr("Stop serving; relying parties cannot sign users in until "
                                "it starts again"));
    m_restartButton->setToolTip(tr("Stop and start again with the stored settings"));
    connect(m_startButton, &QPushButton::clicked, m_backend, &Backend::startServer);
    connect(m_stopButton, &QPushButton::clicked, m_backend, &Backend::stopServer);
    connect(m_restartButton, &QPushButton::clicked, m_backend, &Backend::restartServer);

    auto *state = new QHBoxLayout;
    state->addWidget(m_stateDot);
    state->addWidget(m_stateLabel, 1);

    auto *issuerLabel = new QLabel(tr("&Issuer:"));
    issuerLabel->setBuddy(m_issuerEdit);
    auto *issuer = new QHBoxLayout;
    issuer->addWidget(m_issuerEdit, 1);
    issuer->addWidget(m_copyButton);
    issuer->addWidget(m_openButton);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_startButton);
    buttons->addWidget(m_stopButton);
    buttons->addWidget(m_restartButton);
    buttons->addStretch(1);

    auto *form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(state);
    form->addRow(issuerLabel, issuer);
    form->addRow(buttons);
    return box;
}

QWidget *OverviewPage::createCountsBox()
{
    auto *box = new QGroupBox(tr("Managed"));
    box->setObjectName(u"countsBox"_s);
    auto *grid = new QGridLayout(box);
    const QList<QPair<QLabel *, QString>> counts{
        {m_clientsLabel, tr("Clients")},
        {m_accountsLabel, tr("Accounts")},
        {m_sessionsLabel, tr("Active sessions")},
    };
    int column = 0;
    for (const auto &[number, caption] : counts) {
        auto *text = new QLabel(caption);
        text->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
        text->setForegroundRole(QPalette::PlaceholderText);
        number->setAccessibleName(caption);
        grid->addWidget(number, 0, column);
        grid->addWidget(text, 1, column);
        grid->setColumnStretch(column, 1);
        ++column;
    }
    grid->setRowStretch(2, 1);
    return box;
}

QWidget *OverviewPage::createChartBox()
{
    auto *box = new QGroupBox(tr("Sign-ins per minute, last hour"));
    box->setObjectName(u"chartBox"_s);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_chart);
    return box;
}

QWidget *OverviewPage::createEventsBox()
{
    auto *box = new QGroupBox(tr("Latest events"));
    box->setObjectName(u"latestEventsBox"_s);

    m_recentView->setObjectName(u"latestEventsView"_s);
    m_recentView->setAccessibleName(tr("Latest events"));
    m_recentView->setModel(m_recentModel);
    m_recentView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_recentView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_recentView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_recentView->setShowGrid(false);
    m_recentView->setAlternatingRowColors(true);
    m_recentView->setWordWrap(false);
    m_recentView->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_recentView->verticalHeader()->hide();
    QHeaderView *rows = m_recentView->verticalHeader();
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(fontMetrics().height() * 3 / 2);
    QHeaderView *columns = m_recentView->horizontalHeader();
    columns->setHighlightSections(false);
    columns->setSectionResizeMode(QHeaderView::Interactive);
    columns->setSectionResizeMode(RecentEventsModel::Account, QHeaderView::Stretch);
    columns->setSectionResizeMode(RecentEventsModel::Client, QHeaderView::Stretch);
    // Tall enough for the whole list: it never scrolls.
    const int height = rows->defaultSectionSize() * LatestEventCount +
                       columns->sizeHint().height() + 2 * m_recentView->frameWidth();
    m_recentView->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_recentView->setFixedHeight(height);
    connect(m_recentModel, &QAbstractItemModel::rowsInserted, this, &OverviewPage::fitColumns);
    fitColumns();
    connect(m_recentView, &QTableView::activated, this, &OverviewPage::showAllEventsRequested);

    auto *showAll = new QPushButton(tr("Show &all events"));
    showAll->setObjectName(u"showAllEventsButton"_s);
    showAll->setToolTip(tr("Open the Events page: the whole log, with filters"));
    connect(showAll, &QPushButton::clicked, this, &OverviewPage::showAllEventsRequested);

    auto *footer = new QHBoxLayout;
    footer->addStretch(1);
    footer->addWidget(showAll);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_recentView);
    layout->addLayout(footer);
    return box;
}

void OverviewPage::fitColumns()
{
    // Time and event type as wide as their longest text (the header's
    // ResizeToContents measures only rows already laid out, which misses
    // rows that arrive before the first layout).
    const QFontMetrics rowMetrics(m_recentView->font());
    const QFontMetrics headerMetrics(m_recentView->horizontalHeader()->font());
    const int padding = rowMetrics.height();
    for (const int column : {RecentEventsModel::Time, RecentEventsModel::Type}) {
        int width = headerMetrics.horizontalAdvance(
                        m_recentModel->headerData(column, Qt::Horizontal).toString()) +
                    2 * padding;
        for (int row = 0; row < m_recentModel->rowCount(); ++row)
            width = std::max(width, rowMetrics.horizontalAdvance(
                                        m_recentModel->index(row, column).data().toString()) +
                                        padding);
        m_recentView->horizontalHeader()->resizeSection(column, width);
    }
}

void OverviewPage::onReady()
{
    showStatus(m_backend->status());
    refreshCounts();
    loadHistory();
    loadLatestEvents();
    m_clockTimer->start();
    m_countsTimer->start();
}

void OverviewPage::showStatus(const ServerStatus &status)
{
    using State = ServerStatus::State;
    m_stateDot->setState(status.state);
    switch (status.state) {
    case State::Opening:
        m_stateLabel->setText(tr("Opening the database…"));
        break;
    case State::Stopped:
        if (m_backend->isManageOnly())
            m_stateLabel->setText(
                tr("Managing %1 — not serving (the service serves it). Start serves it from "
                   "this window too.")
                    .arg(m_backend->databaseDisplayName()));
        else
            m_stateLabel->setText(tr("Stopped. Relying parties cannot sign users in."));
        break;
    case State::Starting:
        m_stateLabel->setText(tr("Starting…"));
        break;
    case State::Running:
        m_stateLabel->setText(tr("Running at %1").arg(status.url.toString()));
        break;
    case State::Stopping:
        m_stateLabel->setText(tr("Stopping…"));
        break;
    case State::Failed:
        m_stateLabel->setText(tr("Error: %1").arg(status.error));
        break;
    }

    const bool ready = m_backend->isReady();
    const bool running = status.state == State::Running;
    m_startButton->setEnabled(ready &&
                              (status.state == State::Stopped || status.state == State::Failed));
    m_stopButton->setEnabled(running);
    m_restartButton->setEnabled(running);

    const QUrl issuer = currentIssuer();
    m_issuerEdit->setText(issuer.toString());
    m_copyButton->setEnabled(!issuer.isEmpty());
    m_openButton->setEnabled(running && !issuer.isEmpty());
    m_openButton->setToolTip(running ? tr("Open the discovery document in the web browser")
                                     : tr("The server is not running"));
}

QUrl OverviewPage::currentIssuer() const
{
    if (m_backend->status().isRunning())
        return m_backend->status().issuer;
    if (m_backend->isReady())
        return m_backend->config().effectiveIssuer();
    return {};
}

void OverviewPage::copyIssuer()
{
    const QString issuer = currentIssuer().toString();
    if (issuer.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(issuer);
    m_copyButton->setText(tr("Copied"));
    QTimer::singleShot(1500, m_copyButton,
                       [button = m_copyButton] { button->setText(tr("&Copy")); });
}

void OverviewPage::openIssuer()
{
    QUrl url = currentIssuer();
    if (url.isEmpty())
        return;
    // OpenID Connect Discovery 1.0 §4: the configuration is at the issuer
    // with /.well-known/openid-configuration appended (after any path).
    QString path = url.path();
    if (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path + u"/.well-known/openid-configuration"_s);
    QDesktopServices::openUrl(url);
}

void OverviewPage::scheduleCountsRefresh()
{
    m_countsDebounce->start();
}

void OverviewPage::refreshCounts()
{
    if (!m_backend->isReady())
        return;
    if (m_countsRunning) {
        m_countsAgain = true;
        return;
    }
    m_countsRunning = true;
    Provider *provider = m_backend->provider();
    m_backend
        ->run([clients = provider->clients(), accounts = provider->accounts(),
               sessions = m_backend->sessionService()] {
            Counts counts;
            auto clientCount = clients->count();
            auto accountList = accounts->list();
            auto sessionList = sessions.list();
            if (!clientCount)
                counts.error = clientCount.error().message;
            else if (!accountList)
                counts.error = accountList.error().message;
            else if (!sessionList)
                counts.error = sessionList.error().message;
            if (!counts.error.isEmpty())
                return counts;
            counts.clients = *clientCount;
            counts.accounts = accountList->size();
            counts.sessions = sessionList->size();
            for (const Account &account : *accountList)
                counts.usernames.insert(account.subject, account.username);
            return counts;
        })
        .then(this, [this](const Counts &counts) {
            m_countsRunning = false;
            if (!counts.error.isEmpty()) {
                showError(tr("Cannot read the counts: %1").arg(counts.error));
            } else {
                showError({});
                m_clientCount = counts.clients;
                m_accountCount = counts.accounts;
                m_sessionCount = counts.sessions;
                const QLocale locale;
                m_clientsLabel->setText(locale.toString(counts.clients));
                m_accountsLabel->setText(locale.toString(counts.accounts));
                m_sessionsLabel->setText(locale.toString(counts.sessions));
                m_recentModel->setAccountNames(counts.usernames);
                fitColumns();
            }
            Q_EMIT countsRefreshed();
            if (m_countsAgain) {
                m_countsAgain = false;
                refreshCounts();
            }
        });
}

void OverviewPage::loadHistory()
{
    m_historyLoading = true;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_backend
        ->run([store = m_backend->eventStore(), now, minutes = m_histogram.minutes()] {
            History history{SignInHistogram(minutes, now), 0, {}};
            EventQuery query;
            query.types = {QString(event_type::LoginSucceeded), QString(event_type::LoginFailed),
                           QString(event_type::LoginThrottled)};
            query.from = history.histogram.windowStart();
            query.limit = HistoryPageSize;
            for (int page = 0; page < HistoryMaxPages; ++page) {
                auto batch = store->query(query);
                if (!batch) {
                    history.error = batch.error().message;
                    break;
                }
                for (const Event &event : *batch) {
                    history.histogram.add(event.time, event.type == event_type::LoginSucceeded);
                    history.lastId = std::max(history.lastId, event.id);
                }
                if (batch->size() < query.limit)
                    break;
                query.beforeId = batch->last().id;
            }
            return history;
        })
        .then(this, [this](const History &history) {
            m_historyLoading = false;
            m_historyLoaded = true;
            if (!history.error.isEmpty())
                showError(tr("Cannot read the sign-ins of the last hour: %1").arg(history.error));
            SignInHistogram histogram = history.histogram;
            histogram.setNow(std::max(m_histogram.now(), QDateTime::currentDateTimeUtc()));
            m_histogram = histogram;
            for (const Event &event : std::as_const(m_pendingSignIns)) {
                if (event.id == 0 || event.id > history.lastId)
                    countSignIn(event);
            }
            m_pendingSignIns.clear();
            updateChart();
            Q_EMIT historyLoaded();
        });
}

void OverviewPage::loadLatestEvents()
{
    EventQuery query;
    query.limit = LatestEventCount;
    m_backend->run([store = m_backend->eventStore(), query] { return store->query(query); })
        .then(this, [this](const Result<QList<Event>, Error> &events) {
            if (!events) {
                showError(tr("Cannot read the latest events: %1").arg(events.error().message));
                return;
            }
            m_recentModel->addEvents(*events);
        });
}

void OverviewPage::onEventsRecorded(const QList<Event> &events)
{
    bool counts = false;
    bool chart = false;
    for (const Event &event : events) {
        counts = counts || changesCounts(event);
        if (!isSignIn(event))
            continue;
        if (m_historyLoading) {
            m_pendingSignIns.append(event);
        } else {
            countSignIn(event);
            chart = true;
        }
    }
    m_recentModel->addEvents(events);
    if (chart)
        updateChart();
    if (counts)
        scheduleCountsRefresh();
}

void OverviewPage::countSignIn(const Event &event)
{
    // A sign-in newer than the chart's clock moves the clock (its minute is
    // now); the histogram keeps events up to one window ahead regardless.
    if (event.time > m_histogram.now() && event.time <= QDateTime::currentDateTimeUtc().addSecs(5))
        m_histogram.setNow(event.time);
    m_histogram.add(event.time, event.type == event_type::LoginSucceeded);
}

void OverviewPage::setNow(const QDateTime &now)
{
    m_histogram.setNow(now);
    updateChart();
}

void OverviewPage::updateChart()
{
    m_chart->setBuckets(m_histogram.buckets());
}

void OverviewPage::showError(const QString &message)
{
    m_errorLabel->setText(message);
    m_errorLabel->setVisible(!message.isEmpty());
}

} // namespace lanyard::ui
