#include "widgets/FileChooser.h"

#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace consult;

// The file questions of both apps: the dialog each question becomes, and the folder the next one
// starts in. The panels' tests inject answers; this is where the real dialog is checked.
class TestFileChooser final : public QObject
{
    Q_OBJECT
private slots:
    void aSaveQuestionOffersTheSuggestedNameInTheStartFolder()
    {
        QTemporaryDir folder;
        FileQuestion question;
        question.kind = FileQuestion::Kind::Save;
        question.objectName = QStringLiteral("saveDocumentDialog");
        question.title = QStringLiteral("Dokument speichern");
        question.filters = {QStringLiteral("PDF-Dateien (*.pdf)")};
        question.suggestedName = QStringLiteral("Gehaltsnachweis.pdf");
        question.defaultSuffix = QStringLiteral("pdf");
        const auto dialog = FileChooser::dialogFor(nullptr, question, folder.path());
        QCOMPARE(dialog->objectName(), QStringLiteral("saveDocumentDialog"));
        QCOMPARE(dialog->windowTitle(), QStringLiteral("Dokument speichern"));
        QCOMPARE(dialog->acceptMode(), QFileDialog::AcceptSave);
        QCOMPARE(dialog->fileMode(), QFileDialog::AnyFile);
        QCOMPARE(dialog->defaultSuffix(), QStringLiteral("pdf"));
        QCOMPARE(dialog->nameFilters(), question.filters);
        QCOMPARE(QDir(dialog->directory()).canonicalPath(), QDir(folder.path()).canonicalPath());
        QCOMPARE(dialog->selectedFiles().size(), 1);
        QCOMPARE(QFileInfo(dialog->selectedFiles().constFirst()).fileName(), QStringLiteral("Gehaltsnachweis.pdf"));
    }

    void openQuestionsAskForExistingFiles_data()
    {
        QTest::addColumn<FileQuestion::Kind>("kind");
        QTest::addColumn<QFileDialog::FileMode>("mode");
        QTest::newRow("one") << FileQuestion::Kind::OpenOne << QFileDialog::ExistingFile;
        QTest::newRow("many") << FileQuestion::Kind::OpenMany << QFileDialog::ExistingFiles;
    }
    void openQuestionsAskForExistingFiles()
    {
        QFETCH(FileQuestion::Kind, kind);
        QFETCH(QFileDialog::FileMode, mode);
        FileQuestion question;
        question.kind = kind;
        const auto dialog = FileChooser::dialogFor(nullptr, question, QDir::tempPath());
        QCOMPARE(dialog->acceptMode(), QFileDialog::AcceptOpen);
        QCOMPARE(dialog->fileMode(), mode);
    }

    void theNextQuestionStartsWhereTheLastAnswerWas()
    {
        FileChooser chooser;
        QCOMPARE(chooser.startDirectory(), QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
        QTemporaryDir folder;
        const QString chosen = QDir(folder.path()).filePath(QStringLiteral("Angebot.pdf"));
        QString startedIn;
        chooser.setAnswer([&](QWidget *, const FileQuestion &, const QString &directory) {
            startedIn = directory;
            return QStringList{chosen};
        });
        QCOMPARE(chooser.ask(nullptr, {}), QStringList{chosen});
        QCOMPARE(chooser.startDirectory(), folder.path());

        // A cancelled question keeps the folder.
        chooser.setAnswer([&](QWidget *, const FileQuestion &, const QString &directory) {
            startedIn = directory;
            return QStringList{};
        });
        QVERIFY(chooser.ask(nullptr, {}).isEmpty());
        QCOMPARE(startedIn, folder.path());
        QCOMPARE(chooser.startDirectory(), folder.path());
    }

    void aCancelledDialogAnswersNothing()
    {
        // The real modal dialog, closed with "Abbrechen" as soon as it runs.
        QTimer::singleShot(0, this, [] {
            if (auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget()))
                dialog->reject();
        });
        FileQuestion question;
        question.kind = FileQuestion::Kind::Save;
        question.suggestedName = QStringLiteral("Protokoll.pdf");
        QVERIFY(FileChooser::askWithDialog(nullptr, question, QDir::tempPath()).isEmpty());
    }
};

QTEST_MAIN(TestFileChooser)
#include "TestFileChooser.moc"
