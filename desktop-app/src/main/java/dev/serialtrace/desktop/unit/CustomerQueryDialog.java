package dev.serialtrace.desktop.unit;

import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** The "Customer query…" dialog of the dossier: binds a {@link CustomerQueryViewModel}; stays open until recorded. */
public final class CustomerQueryDialog {
    private CustomerQueryDialog() {
    }

    public static void show(Window owner, CustomerQueryViewModel vm) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Customer query");
        dialog.setHeaderText("Record a customer's question about this serial and the answer given.");
        ButtonType record = new ButtonType("Record", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(record, ButtonType.CLOSE);

        ComboBox<dev.serialtrace.db.unit.CustomerQueries.Customer> customer = new ComboBox<>(vm.customers());
        customer.valueProperty().bindBidirectional(vm.customerProperty());
        customer.setPromptText("customer (optional)");
        customer.setId("queryCustomer");
        ChoiceBox<String> channel = new ChoiceBox<>();
        channel.getItems().setAll(CustomerQueryViewModel.CHANNELS);
        channel.valueProperty().bindBidirectional(vm.channelProperty());
        TextField received = new TextField();
        received.textProperty().bindBidirectional(vm.receivedAtProperty());
        received.setPromptText("HH:mm today");
        received.setId("queryReceivedAt");
        TextField question = new TextField();
        question.textProperty().bindBidirectional(vm.questionProperty());
        question.setPrefColumnCount(40);
        TextArea answer = new TextArea();
        answer.textProperty().bindBidirectional(vm.answerProperty());
        answer.setPrefRowCount(3);
        answer.setWrapText(true);
        answer.setId("queryAnswer");
        Label error = new Label();
        error.textProperty().bind(vm.errorProperty());
        error.getStyleClass().add("error-message");
        error.setWrapText(true);
        Label saved = new Label();
        saved.textProperty().bind(vm.savedProperty());
        saved.setId("querySaved");

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        String[] labels = {"Customer", "Channel", "Received at", "Question", "Answer"};
        javafx.scene.Node[] fields = {customer, channel, received, question, answer};
        for (int i = 0; i < labels.length; i++) {
            Label label = new Label(labels[i]);
            label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            grid.add(label, 0, i);
            grid.add(fields[i], 1, i);
        }
        grid.add(error, 0, labels.length, 2, 1);
        grid.add(saved, 0, labels.length + 1, 2, 1);
        dialog.getDialogPane().setContent(grid);

        var recordButton = dialog.getDialogPane().lookupButton(record);
        recordButton.disableProperty().bind(vm.busyProperty().or(vm.savedProperty().isNotEmpty()));
        recordButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();   // stays open: shows the error, or what was recorded
            vm.save();
        });
        dialog.show();
    }
}
