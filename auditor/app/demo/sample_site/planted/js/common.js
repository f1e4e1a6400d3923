/* common */
function setHome(){}
