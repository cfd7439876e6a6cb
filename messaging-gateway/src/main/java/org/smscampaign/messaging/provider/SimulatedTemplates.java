package org.smscampaign.messaging.provider;

import java.util.List;

import org.smscampaign.messaging.ContentTemplateView;
import org.smscampaign.messaging.ContentTemplateView.Approval;

/** The templates the simulated account holds (sids in Twilio's format). */
final class SimulatedTemplates {

    static final List<ContentTemplateView> ALL = List.of(
            template("HXb5b62575e6e4ff6129ad7c8efe1f983e", "order_update", Approval.APPROVED,
                    "Hi {{1}}, your order is on its way. Track it here: {{2}}"),
            template("HX2c6f0e1d9a8b47c3b5e4d3c2b1a09f8e", "seasonal_sale", Approval.APPROVED,
                    "Hi {{1}}, our sale has started: {{2}}. Shop now: {{3}}"),
            template("HX7d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a", "back_in_stock", Approval.APPROVED,
                    "Good news {{1}}: it is back in stock. See it here: {{2}}"),
            template("HX0a1b2c3d4e5f60718293a4b5c6d7e8f9", "loyalty_points", Approval.PENDING,
                    "Hi {{1}}, you have {{2}} points waiting for you."),
            template("HX9f8e7d6c5b4a39281706f5e4d3c2b1a0", "flash_offer", Approval.REJECTED,
                    "LAST CHANCE {{1}}!!! {{2}}"));

    private SimulatedTemplates() {
    }

    private static ContentTemplateView template(String sid, String name, Approval approval, String body) {
        return new ContentTemplateView(sid, name, "en", approval, body, null);
    }

}
