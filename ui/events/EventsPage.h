// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "events/EventExporter.h"
#include "model/Event.h"

#include <QWidget>

#include <functional>
#include <memory>

class QLabel;
class QPlainTextEdit;
class QProgressDialog;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTimer;

namespace lanyard::ui {

class Backend;
class EmptyState;
class EventFilterBar;
class EventTableModel;
class InlineMessage;

/// The Events page: the live log of every event, newest at the top.
///
/// The table (EventTableModel) loads older events page by page as it is
/// scrolled down; the filters (EventFilterBar) run in the database. New
/// events appear at the top as they are recorded. A user reading at the top
/// (the live edge) sees them arrive; a user scrolled down keeps the rows
/// they are reading in place, and a "N new events" button over the table
/// counts what arrived and jumps back to the top. The selected event's full
/// JSON is shown below the table. Export writes every event matching the
/// filters (not only the loaded rows) to CSV or JSON Lines off the GUI
/// thread, with a progress dialog. GUI thread.
class EventsPage : public QWidget
{
    Q_OBJECT

public:
    /// Asks where to save an export: returns the path, or empty to cancel.
    using SaveFileChooser =
        std::function<QString(const QString &suggestedName, EventExporter::Format format)>;

    explicit EventsPage(Backend *backend, QWidget *parent = nullptr);
    ~EventsPage() override;

    EventTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    EventFilterBar *filterBar() const { return m_filters; }
    /// Events that arrived while the view was scrolled away from the top
    /// (the number on the "new events" button; 0 when it is hidden).
    int unseenCount() const { return m_unseen; }

    /// Replaces the file dialog of the export actions (tests).
    void setSaveFileChooser(SaveFileChooser chooser) { m_chooseFile = std::move(chooser); }
    /// Asks for a file, then exportTo() it.
    void chooseAndExport(EventExporter::Format format);
    /// Writes every event matching the current filters to `path` off the
    /// GUI thread; emits exportFinished(). Ignored while an export runs.
    void exportTo(const QString &path, EventExporter::Format format);
    bool isExporting() const { return m_progress != nullptr; }

Q_SIGNALS:
    /// An export ended; `message` says how (shown on the page too).
    void exportFinished(bool ok, const QString &message);

private:
    void start();
    void onEventsRecorded(const QList<lanyard::Event> &events);
    void onRowsAboutToBeInserted(const QModelIndex &parent, int first, int last);
    void onRowsInserted(const QModelIndex &parent, int first, int last);
    void onScrolled(int value);
    void jumpToNewest();
    void showCurrentDetails();
    void updateState();
    void placeNewEventsButton();
    bool eventFilter(QObject *watched, QEvent *event) override;

    Backend *m_backend;
    EventTableModel *m_model;
    EventFilterBar *m_filters;
    QStackedWidget *m_stack;
    QTableView *m_view;
    QPlainTextEdit *m_details;
    EmptyState *m_empty;
    QPushButton *m_newEvents;
    QLabel *m_status;
    InlineMessage *m_message;
    QPushButton *m_retry;
    QPushButton *m_export;
    SaveFileChooser m_chooseFile;

    /// Rows arriving at the top while scrolled away from it.
    int m_unseen = 0;
    /// Whether the view was at the top when the current insertion began.
    bool m_wasAtLiveEdge = true;
    bool m_started = false;

    QProgressDialog *m_progress = nullptr;
    QTimer *m_progressTimer = nullptr;
    std::shared_ptr<EventExporter::Progress> m_exportProgress;
};

} // namespace lanyard::ui
