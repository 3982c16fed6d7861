#pragma once

#include "eventloop/EpollEventDispatcher.h"

#include <QCoreApplication>
#include <QTest>

// Like QTEST_GUILESS_MAIN, with the epoll dispatcher the server runs on installed first, so that
// tests exercise the event loop of production (server and, in-process, the clients too).
#define CONSULT_TEST_MAIN_WITH_EPOLL(TestObject)                                                                       \
    int main(int argc, char *argv[])                                                                                   \
    {                                                                                                                  \
        QCoreApplication::setEventDispatcher(new consult::EpollEventDispatcher);                                       \
        QCoreApplication app(argc, argv);                                                                              \
        app.setAttribute(Qt::AA_Use96Dpi, true);                                                                       \
        TestObject test;                                                                                               \
        QTEST_SET_MAIN_SOURCE_PATH                                                                                     \
        return QTest::qExec(&test, argc, argv);                                                                        \
    }
