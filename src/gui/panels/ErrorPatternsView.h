#pragma once

#include "charts/ValidationData.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace cockpit::gui {

// The messages a no_new_values gate collected (error patterns), this stage against the previous one: one
// row per message with its count in each, the ones the previous stage never saw marked NEW and listed first.
class ErrorPatternsView : public QWidget
{
    Q_OBJECT

public:
    explicit ErrorPatternsView(QWidget *parent = nullptr);
    void setData(const charts::ValidationDataPtr &data);
    QTableWidget *table() const { return m_table; }

private:
    QLabel *m_summary;
    QTableWidget *m_table;
};

} // namespace cockpit::gui
