/**
 * @description The one trigger on Cross_Sell_Attempt__c; every rule lives in AttemptTriggerHandler.
 */
trigger CrossSellAttemptTrigger on Cross_Sell_Attempt__c(
    before insert,
    before update,
    after insert,
    after update,
    after delete
) {
    AttemptTriggerHandler.handle(Trigger.operationType, Trigger.new, Trigger.oldMap);
}
