// app_startup_bench: how long each app takes from the start of its process to a usable window
// (target under 1 s, DESIGN §8). Not a test: prints figures.
//
// Each run is a fresh process (this program started again with --child), so dynamic loading, Qt's
// start-up, the style sheet, the translations and the first layout and paint are all inside the
// figure. The parent notes the monotonic clock just before it starts the child; the child notes it
// when its first window has painted and the event loop has come round once more (the window
// answers input from then on) and prints it. Both read the same CLOCK_MONOTONIC.
//
// What the figure leaves out: the child builds the same windows as the apps' main() (CustomerWindow
// at its start page; AdvisorWorkstation up to its log-in dialog, with no token stored), but without
// a server, so it does not include the first connection. It runs on whatever platform plugin the
// environment names (offscreen on CI; xcb or windows on a desktop adds the window system's share).
#include "AdvisorWorkstation.h"
#include "CustomerWindow.h"
#include "TokenStore.h"
#include "core/Clock.h"
#include "widgets/LanguageSwitcher.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QEvent>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

using namespace consult;

namespace {

qint64 monotonicUs()
{
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return qint64(now.tv_sec) * 1'000'000 + now.tv_nsec / 1000;
}

// Notes the first paint of any window, then reports once the event loop has turned again.
class FirstPaint final : public QObject
{
public:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_painted && watched->isWidgetType()) {
            m_painted = true;
            QTimer::singleShot(0, qApp, [] {
                std::printf("usable_at_us=%lld\n", static_cast<long long>(monotonicUs()));
                std::fflush(stdout);
                QCoreApplication::exit(0);
            });
        }
        return false;
    }

private:
    bool m_painted = false;
};

// An advisor without a stored token: the workstation goes straight to its log-in dialog.
class NoTokens final : public advisor::TokenStore
{
public:
    using TokenStore::TokenStore;
    void read(const QString &, Callback done) override { done({Outcome::NotFound, {}, {}}); }
    void write(const QString &, const QByteArray &, Callback done) override { done({Outcome::Done, {}, {}}); }
    void remove(const QString &, Callback done) override { done({Outcome::Done, {}, {}}); }
};

int runChild(const QString &app, int argc, char *argv[])
{
    QApplication application(argc, argv);
    QApplication::setStyle(QStringLiteral("Fusion"));
    FirstPaint firstPaint;
    application.installEventFilter(&firstPaint);
    if (app == u"customer") {
        LanguageSwitcher language{QStringLiteral(":/i18n/customer_en.qm")};
        customer::CustomerWindow::Options options;
        options.bankName = QStringLiteral("Sparkasse");
        customer::CustomerWindow window(options, language);
        window.show();
        return QApplication::exec();
    }
    QTemporaryDir directory;
    QSettings settings(directory.filePath(QStringLiteral("advisor.ini")), QSettings::IniFormat);
    NoTokens tokens;
    advisor::AdvisorWorkstation::Options options;
    advisor::AdvisorWorkstation workstation(options, tokens, settings, SystemClock::instance());
    workstation.start();
    return QApplication::exec();
}

double percentile(std::vector<double> values, double q)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, std::size_t(q * double(values.size() - 1) + 0.5))];
}

} // namespace

int main(int argc, char *argv[])
{
    for (int i = 1; i + 1 < argc; ++i)
        if (qstrcmp(argv[i], "--child") == 0)
            return runChild(QString::fromLatin1(argv[i + 1]), argc, argv);

    QCoreApplication application(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Start of each app to a usable window, in fresh processes."));
    parser.addHelpOption();
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Starts per app."), QStringLiteral("n"),
                                        QStringLiteral("10"));
    parser.addOption(runsOption);
    parser.process(application);
    const int runs = std::max(1, parser.value(runsOption).toInt());

    std::printf("start of the process to a usable window (first paint, then one more turn of the event loop), "
                "%d fresh processes per app, platform %s\n",
                runs, qEnvironmentVariable("QT_QPA_PLATFORM", QStringLiteral("default")).toLatin1().constData());
    for (const QString &app : {QStringLiteral("customer"), QStringLiteral("advisor")}) {
        std::vector<double> ms;
        for (int run = 0; run < runs; ++run) {
            QProcess child;
            const qint64 startedUs = monotonicUs();
            child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--child"), app});
            if (!child.waitForFinished(30000) || child.exitCode() != 0) {
                std::fprintf(stderr, "%s: the child did not report a usable window:\n%s\n", qPrintable(app),
                             child.readAllStandardError().constData());
                return 1;
            }
            const QByteArray output = child.readAllStandardOutput();
            const qsizetype at = output.indexOf("usable_at_us=");
            if (at < 0) {
                std::fprintf(stderr, "%s: no figure in the child's output\n", qPrintable(app));
                return 1;
            }
            const qint64 usableUs = output.mid(at + 13).trimmed().toLongLong();
            ms.push_back(double(usableUs - startedUs) / 1000.0);
        }
        std::printf("%-8s p50=%.0f ms min=%.0f ms max=%.0f ms\n", qPrintable(app), percentile(ms, 0.5),
                    *std::min_element(ms.begin(), ms.end()), *std::max_element(ms.begin(), ms.end()));
    }
    return 0;
}
