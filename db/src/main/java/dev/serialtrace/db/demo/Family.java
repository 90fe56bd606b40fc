package dev.serialtrace.db.demo;

/** Product families of the demo distributor, with how they move through the warehouse. */
enum Family {
    //           receipt size   order size  return %  claim %  mean days in stock
    LAPTOP(        5, 30,        1, 3,       6.0,      6.0,     35),
    TV(            4, 20,        1, 2,       5.0,      5.0,     40),
    AUDIO(         4, 16,        1, 3,       4.0,      3.0,     45),
    KIT(           2, 6,         1, 2,       5.0,      4.0,     30),
    PHARMA(       20, 60,        2, 8,       1.0,      0.0,     25),
    MEDDEV(        4, 20,        1, 3,       2.0,      2.0,     50),
    FIREARM(       2, 10,        1, 3,       1.0,      1.0,     30);

    final int receiptMin;
    final int receiptMax;
    final int orderMin;
    final int orderMax;
    final double returnPercent;
    final double claimPercent;
    final int meanDaysInStock;

    Family(int receiptMin, int receiptMax, int orderMin, int orderMax, double returnPercent,
           double claimPercent, int meanDaysInStock) {
        this.receiptMin = receiptMin;
        this.receiptMax = receiptMax;
        this.orderMin = orderMin;
        this.orderMax = orderMax;
        this.returnPercent = returnPercent;
        this.claimPercent = claimPercent;
        this.meanDaysInStock = meanDaysInStock;
    }

    boolean electronics() {
        return this == LAPTOP || this == TV || this == AUDIO || this == KIT;
    }
}
