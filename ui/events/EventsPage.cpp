// SPDX-License-Identifier: GPL-3.0-or-later
#include "events/EventsPage.h"

#include "backend/Backend.h"
#include "events/EventFilterBar.h"
#include "events/EventTableModel.h"
#include "widgets/EmptyState.h"
#include "widgets/InlineMessage.h"
#include "widgets/PageHeader.h"

#include <QAction>
#include <QDateTime>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonDocument>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace lanyard::ui {

namespace {

QString suggestedFileName(EventExporter::Format format)
{
    return u"lanyard-events-%1.%2"_s.arg(
        QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss"_s),
        format == EventExporter::Format::Csv ? u"csv"_s : u"jsonl"_s);
}

} // namespace

EventsPage::EventsPage(Backend *backend, QWidget *parent)
    : QWidget(parent), m_backend(backend),
      m_model(new EventTableModel(EventTableModel::fetchFrom(backend), this)),
      m_filters(new EventFilterBar), m_stack(new QStackedWidget), m_view(new QTableView),
      m_details(new QPlainTextEdit),
      m_empty(new EmptyState(tr("No events yet."), tr("Cl&ear filters"))),
      m_newEvents(new QPushButton(m_view)), m_status(new QLabel), m_message(new InlineMessage),
      m_retry(new QPushButton(tr("&Try again"))), m_export(new QPushButton(tr("E&xport"))),
      m_progressTimer(new QTimer(this))
{
    auto *header = new PageHeader(
        tr("Events"),
        tr("Every sign-in, token, logout and administrative change, newest first, as it "
           "happens."));
    m_export->setObjectName(u"exportButton"_s);
    auto *exportMenu = new QMenu(m_export);
    QAction *csv = exportMenu->addAction(tr("As &CSV…"));
    csv->setObjectName(u"exportCsvAction"_s);
    QAction *jsonLines = exportMenu->addAction(tr("As &JSON Lines…"));
    jsonLines->setObjectName(u"exportJsonLinesAction"_s);
    m_export->setMenu(exportMenu);
    m_export->setToolTip(tr("Save every event matching the filters, not only those shown"));
    connect(csv, &QAction::triggered, this,
            [this] { chooseAndExport(EventExporter::Format::Csv); });
    connect(jsonLines, &QAction::triggered, this,
            [this] { chooseAndExport(EventExporter::Format::JsonLines); });
    header->addAction(m_export);

    m_view->setObjectName(u"eventsTable"_s);
    m_view->setAccessibleName(tr("Events"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    // One row per scroll step, uniform rows: the scroll position is a row
    // number, so keeping the reader's rows in place is exact.
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerItem);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    QHeaderView *columns = m_view->horizontalHeader();
    columns->setSectionResizeMode(QHeaderView::Interactive);
    columns->setStretchLastSection(true);
    columns->setHighlightSections(false);
    const auto width = [this](const QString &sample) {
        return fontMetrics().horizontalAdvance(sample) + 3 * fontMetrics().averageCharWidth();
    };
    columns->resizeSection(EventTableModel::TimeColumn, width(u"0000-00-00 00:00:00"_s));
    columns->resizeSection(EventTableModel::TypeColumn, width(u"backchannel.delivered"_s));
    columns->resizeSection(EventTableModel::ResultColumn, width(tr("Failure")));
    columns->resizeSection(EventTableModel::AccountColumn, width(u"alice.example@office"_s));
    columns->resizeSection(EventTableModel::ClientColumn, width(u"intranet-portal"_s));
    columns->resizeSection(EventTableModel::SourceColumn, width(u"192.168.100.100"_s));
    m_view->installEventFilter(this);

    m_newEvents->setObjectName(u"newEventsButton"_s);
    m_newEvents->setCursor(Qt::PointingHandCursor);
    m_newEvents->setToolTip(tr("Show the newest events"));
    m_newEvents->hide();
    connect(m_newEvents, &QPushButton::clicked, this, &EventsPage::jumpToNewest);

    m_details->setObjectName(u"eventDetails"_s);
    m_details->setAccessibleName(tr("Event details"));
    m_details->setReadOnly(true);
    m_details->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_details->setPlaceholderText(tr("Select an event to see everything it records."));

    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_view);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    m_empty->actionButton()->setObjectName(u"emptyClearFiltersButton"_s);
    connect(m_empty, &EmptyState::actionTriggered, m_filters, &EventFilterBar::clear);
    m_stack->addWidget(splitter);
    m_stack->addWidget(m_empty);

    m_status->setObjectName(u"eventsStatus"_s);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    m_message->setObjectName(u"eventsMessage"_s);
    m_retry->setObjectName(u"retryButton"_s);
    m_retry->hide();
    connect(m_retry, &QPushButton::clicked, m_model, &EventTableModel::reload);
    auto *messageRow = new QHBoxLayout;
    messageRow->addWidget(m_message, 1);
    messageRow->addWidget(m_retry, 0, Qt::AlignTop);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(header);
    layout->addWidget(m_filters);
    layout->addLayout(messageRow);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_status);

    auto *find = new QAction(this);
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(find);
    connect(find, &QAction::triggered, m_filters, &EventFilterBar::focusSearch);

    setTabOrder(m_filters, m_view);
    setTabOrder(m_view, m_details);

    connect(m_filters, &EventFilterBar::queryChanged, this, [this](const EventQuery &query) {
        m_unseen = 0;
        m_newEvents->hide();
        m_details->clear();
        if (m_started)
            m_model->setQuery(query);
    });
    connect(m_model, &QAbstractItemModel::rowsAboutToBeInserted, this,
            &EventsPage::onRowsAboutToBeInserted);
    // After the view's own handler (it connected first, in setModel()).
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &EventsPage::onRowsInserted);
    connect(m_model, &QAbstractItemModel::modelReset, this, &EventsPage::updateState);
    connect(m_model, &EventTableModel::fetchingChanged, this, &EventsPage::updateState);
    connect(m_model, &EventTableModel::fetchFailed, this, &EventsPage::updateState);
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, this, &EventsPage::onScrolled);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &EventsPage::showCurrentDetails);
    connect(m_backend, &Backend::eventsRecorded, this, &EventsPage::onEventsRecorded);

    connect(m_progressTimer, &QTimer::timeout, this, [this] {
        if (m_progress && m_exportProgress)
            m_progress->setLabelText(
                tr("Exported %n event(s)…", nullptr,
                   static_cast<int>(std::min<qint64>(m_exportProgress->written.load(),
                                                     std::numeric_limits<int>::max()))));
    });

    m_chooseFile = [this](const QString &suggested, EventExporter::Format format) {
        const QString filter = format == EventExporter::Format::Csv
                                   ? tr("CSV files (*.csv)")
                                   : tr("JSON Lines files (*.jsonl)");
        return QFileDialog::getSaveFileName(this, tr("Export events"),
                                            QDir::home().filePath(suggested), filter);
    };

    if (m_backend->isReady())
        start();
    else
        connect(m_backend, &Backend::ready, this, &EventsPage::start);
    updateState();
}

EventsPage::~EventsPage()
{
    if (m_exportProgress)
        m_exportProgress->cancelled = true;
}

void EventsPage::start()
{
    if (m_started)
        return;
    m_started = true;
    m_model->setQuery(m_filters->query());
}

void EventsPage::onEventsRecorded(const QList<Event> &events)
{
    QStringList types;
    for (const Event &event : events)
        types.append(event.type);
    types.removeDuplicates();
    m_filters->addTypes(types);
    if (m_started)
        m_model->addLiveEvents(events);
}

void EventsPage::onRowsAboutToBeInserted(const QModelIndex &parent, int first, int)
{
    if (parent.isValid() || first != 0)
        return;
    const QScrollBar *bar = m_view->verticalScrollBar();
    m_wasAtLiveEdge = bar->value() <= bar->minimum();
}

void EventsPage::onRowsInserted(const QModelIndex &parent, int first, int last)
{
    const int count = last - first + 1;
    if (!parent.isValid() && first == 0 && m_model->rowCount() > count && !m_wasAtLiveEdge) {
        // Rows arrived above the ones being read: move the scroll position
        // down by as many rows, so the same events stay on screen. The view
        // updates the scroll range only at its next layout; widen it now so
        // the new position is not clamped.
        QScrollBar *bar = m_view->verticalScrollBar();
        bar->setMaximum(bar->maximum() + count);
        bar->setValue(bar->value() + count);
        m_unseen += count;
        m_newEvents->setText(tr("↑ %n new event(s)", nullptr, m_unseen));
        m_newEvents->adjustSize();
        placeNewEventsButton();
        m_newEvents->show();
        m_newEvents->raise();
    }
    m_wasAtLiveEdge = true;
    updateState();
}

void EventsPage::onScrolled(int value)
{
    if (value <= m_view->verticalScrollBar()->minimum() && m_unseen > 0) {
        m_unseen = 0;
        m_newEvents->hide();
    }
}

void EventsPage::jumpToNewest()
{
    m_view->scrollToTop();
    m_unseen = 0;
    m_newEvents->hide();
}

void EventsPage::placeNewEventsButton()
{
    const int top =
        m_view->horizontalHeader()->isVisible() ? m_view->horizontalHeader()->height() : 0;
    const int x = (m_view->width() - m_newEvents->width()) / 2;
    m_newEvents->move(std::max(0, x), top + fontMetrics().height() / 2);
}

bool EventsPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::Resize)
        placeNewEventsButton();
    return QWidget::eventFilter(watched, event);
}

void EventsPage::showCurrentDetails()
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (!current.isValid()) {
        m_details->clear();
        return;
    }
    const Event &event = m_model->eventAt(current.row());
    m_details->setPlainText(
        QString::fromUtf8(QJsonDocument(event.toJson()).toJson(QJsonDocument::Indented)));
}

void EventsPage::updateState()
{
    const int rows = m_model->rowCount();
    const bool fetching = m_model->isFetching();
    const QString error = m_model->lastError();

    if (!error.isEmpty()) {
        m_message->showMessage(tr("The event log could not be read: %1").arg(error));
        m_retry->show();
    } else if (m_message->kind() == InlineMessage::Kind::Warning && m_retry->isVisible()) {
        m_message->clear();
        m_retry->hide();
    }

    if (!m_started)
        m_status->setText(tr("Opening the database…"));
    else if (fetching && rows == 0)
        m_status->setText(tr("Loading…"));
    else if (fetching)
        m_status->setText(tr("%n event(s) shown, loading older ones…", nullptr, rows));
    else if (m_model->isComplete())
        m_status->setText(tr("%n event(s)", nullptr, rows));
    else
        m_status->setText(tr("%n event(s) shown; scroll down for older ones", nullptr, rows));

    const bool empty = m_started && rows == 0 && !fetching && error.isEmpty();
    if (empty) {
        const bool filtering = m_filters->isFiltering();
        m_empty->setMessage(filtering
                                ? tr("No events match these filters.")
                                : tr("No events yet.\nSign-ins, tokens and changes appear here "
                                     "as they happen."));
        m_empty->actionButton()->setVisible(filtering);
    }
    m_stack->setCurrentIndex(empty ? 1 : 0);
}

void EventsPage::chooseAndExport(EventExporter::Format format)
{
    if (isExporting())
        return;
    const QString path = m_chooseFile(suggestedFileName(format), format);
    if (!path.isEmpty())
        exportTo(path, format);
}

void EventsPage::exportTo(const QString &path, EventExporter::Format format)
{
    if (isExporting() || !m_backend->isReady())
        return;
    auto progress = std::make_shared<EventExporter::Progress>();
    m_exportProgress = progress;
    m_export->setEnabled(false);
    m_message->clear();

    m_progress = new QProgressDialog(tr("Exporting events…"), tr("Cancel"), 0, 0, this);
    m_progress->setObjectName(u"exportProgress"_s);
    m_progress->setWindowTitle(tr("Export events"));
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setMinimumDuration(400);
    m_progress->setAutoReset(false);
    m_progress->setAutoClose(false);
    connect(m_progress, &QProgressDialog::canceled, this,
            [progress] { progress->cancelled = true; });
    m_progressTimer->start(100);

    const EventQuery query = m_model->query();
    m_backend
        ->run([store = m_backend->eventStore(), query, path, format, progress] {
            return EventExporter::write(*store, query, path, format, *progress);
        })
        .then(this, [this, path](const Result<qint64, Error> &written) {
            m_progressTimer->stop();
            m_progress->disconnect(this);
            m_progress->deleteLater();
            m_progress = nullptr;
            m_exportProgress.reset();
            m_export->setEnabled(true);
            const QString native = QDir::toNativeSeparators(path);
            if (written) {
                const QString message = tr("Exported %n event(s) to %1.", nullptr,
                                           static_cast<int>(std::min<qint64>(
                                               *written, std::numeric_limits<int>::max())))
                                            .arg(native);
                m_message->showMessage(message, InlineMessage::Kind::Information);
                Q_EMIT exportFinished(true, message);
            } else {
                const QString message = tr("The events could not be exported to %1: %2")
                                            .arg(native, written.error().message);
                m_message->showMessage(message, InlineMessage::Kind::Warning);
                Q_EMIT exportFinished(false, message);
            }
        });
}

} // namespace lanyard::ui
